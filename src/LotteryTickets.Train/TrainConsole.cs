using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using LotteryTickets.Cli;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Workbook;
using TorchSharp;

namespace LotteryTickets.Train;

/// <summary>
/// The reproducible jobs of the CNN-ticket part of the workbook: training a target (a committed one or any architecture
/// of the supported class), measuring ticket construction, and measuring how a target's accuracy degrades under kernel
/// noise. Every option is checked before any work starts; a bad value gets one line naming the option, and exit code 2.
/// </summary>
public static class TrainConsole
{
    /// <summary>Exit code of a successful run (also of <c>--help</c>).</summary>
    public const int Success = ConsoleProgram.Success;

    /// <summary>Exit code of a run refused for bad input (unknown command or option, value out of range, missing file).</summary>
    public const int BadInput = ConsoleProgram.BadInput;

    private const int TrainSetSize = 60_000, TestSetSize = 10_000, MaxThreads = 256;

    // The options of each command, in the order the usage lists them; parsing checks their types and ranges.
    private sealed class TargetCommandOptions
    {
        public readonly Option<string?> Target = ConsoleOptions.Text("target"), Layers = ConsoleOptions.Text("layers"), Out = ConsoleOptions.Text("out");
        public readonly Option<int?> Seed = ConsoleOptions.Int("seed"), Epochs = ConsoleOptions.Int("epochs"), Batch = ConsoleOptions.Int("batch"),
            Shift = ConsoleOptions.Int("shift"), TrainImages = ConsoleOptions.Int("train-images", min: 1, max: TrainSetSize), Threads = ThreadsOption();
        public readonly Option<double?> LearningRate = ConsoleOptions.Number("lr"), WeightNoise = ConsoleOptions.Number("weight-noise");
        public readonly Option<LearningRateSchedule?> Schedule = ConsoleOptions.Choice<LearningRateSchedule>("schedule");
        public readonly Option<string?> Flip = ConsoleOptions.TrueOrFalse("flip");

        public Command Command() => new("target", "train a target on Fashion-MNIST and write its JSON and weights")
            { Target, Layers, Seed, Epochs, Batch, LearningRate, Schedule, Shift, Flip, WeightNoise, TrainImages, Threads, Out };
    }

    private sealed class ConstructionCommandOptions
    {
        public readonly Option<string?> Target = ConsoleOptions.Text("target"), Out = ConsoleOptions.Text("out"), Masks = ConsoleOptions.Text("masks");
        public readonly Option<int[]?> Seeds = ConsoleOptions.Ints("seed"), N = ConsoleOptions.Ints("n");
        public readonly Option<TicketVariant[]?> Variants = ConsoleOptions.Enums<TicketVariant>("variants");
        public readonly Option<double?> Tolerance = ConsoleOptions.Number("tolerance");
        public readonly Option<long?> NodeLimit = ConsoleOptions.Long("node-limit");
        public readonly Option<int?> Parallel = ParallelOption(), TestImages = TestImagesOption(), Threads = ThreadsOption();

        public Command Command() => new("construction", "build tickets of a target for several n and report time, error, density, accuracy")
            { Target, Seeds, N, Variants, Tolerance, NodeLimit, Parallel, TestImages, Threads, Out, Masks };
    }

    private sealed class RobustnessCommandOptions
    {
        public readonly Option<string?> Target = ConsoleOptions.Text("target"), Out = ConsoleOptions.Text("out");
        public readonly Option<int?> Seed = ConsoleOptions.Int("seed"), NoiseSeeds = ConsoleOptions.Int("noise-seeds", min: 1, max: 100),
            TestImages = TestImagesOption(), Threads = ThreadsOption();
        public readonly Option<double[]?> Eta = ConsoleOptions.Numbers("eta");
        public readonly Option<KernelNoise?> Noise = ConsoleOptions.Choice<KernelNoise>("noise");

        public Command Command() => new("robustness", "test accuracy of a target when every kernel slice is disturbed by noise of max-norm eta")
            { Target, Seed, Eta, NoiseSeeds, Noise, TestImages, Threads, Out };
    }

    private sealed class SizingCommandOptions
    {
        public readonly Option<string?> Targets = ConsoleOptions.Text("targets"), Out = ConsoleOptions.Text("out");
        public readonly Option<double[]?> Eta = ConsoleOptions.Numbers("eta");
        public readonly Option<double?> AccuracyEta = ConsoleOptions.Number("accuracy-eta"), Fraction = ConsoleOptions.Number("fraction");
        public readonly Option<int?> AccuracySeeds = ConsoleOptions.Int("accuracy-seeds", min: 0, max: SizingSweep.MaxAccuracySeeds),
            MaxN = ConsoleOptions.Int("max-n", min: RandomNetwork.MinHiddenPerInput, max: ConvLayerSpec.MaxChannels), Seed = ConsoleOptions.Int("seed"),
            Parallel = ParallelOption(), TestImages = TestImagesOption(), Threads = ThreadsOption();

        public Command Command() => new("sizing", "the theorem against measurement (notebook 08)")
            { Targets, Eta, AccuracyEta, AccuracySeeds, Fraction, MaxN, Seed, Parallel, TestImages, Threads, Out };
    }

    private static Option<int?> ThreadsOption() => ConsoleOptions.Int("threads", min: 1, max: MaxThreads);
    private static Option<int?> ParallelOption() => ConsoleOptions.Int("parallel", min: 1, max: MaxThreads);
    private static Option<int?> TestImagesOption() => ConsoleOptions.Int("test-images", min: 1, max: TestSetSize);

    /// <summary>The usage text printed by <c>help</c>.</summary>
    public static string Usage => $"""
        usage: dotnet run -c Release --project src/LotteryTickets.Train -- <command> [--option value ...]
          target        train a target on Fashion-MNIST and write its JSON and weights (default: retrain the default
                        committed target with its recorded recipe and thread count, overwriting its files in data/)
                        --target {string.Join("|", CommittedTargets.Names)}   the committed target whose recipe and files to use
                        --layers 6:3:1:0,...,10:3:1:0   another architecture, c_out:kernel:stride:padding per layer,
                                        the last with 10 outputs (needs --out)
                        --seed N  --epochs 1..{TrainingOptions.MaxEpochs}  --batch 1..4096  --lr 0.01   override the recipe
                        --schedule constant|cosine   learning rate constant or decaying along a cosine
                        --shift 0..{TrainingOptions.MaxMaxShift}  --flip true|false   shift images by up to that many pixels, mirror them
                        --weight-noise 0.05   take each gradient at weights moved by uniform noise up to this size
                        --train-images 1..{TrainSetSize}  --threads 1..{MaxThreads}  --out FILE.json
          construction  build tickets of a target for several n and report time, error, density, accuracy
                        --target NAME|PATH (default {CommittedTargets.Default.Name})  --n 16,32,64 (each {RandomNetwork.MinHiddenPerInput}..{ConvLayerSpec.MaxChannels})
                        --variants kernel,filter,unstructured  --tolerance 0.02  --node-limit 20000  --parallel 2
                        --seed 2023 (or a list: one random network per seed)  --test-images 1..{TestSetSize}  --threads 1
                        --out artifacts/construction-times.csv (a construction sweep: provenance lines, then CSV)
                        --masks FOLDER (also save each ticket's mask there, as VARIANT-nN-seedS.mask.json)
          robustness    test accuracy of a target, as stored and scaled to the unit ball, when every kernel slice is
                        disturbed by noise of max-norm eta, the error a kernel ticket within eta makes on each slice
                        --target NAME|PATH (default {CommittedTargets.Default.Name})  --eta 0.01,0.02,0.03,0.05,0.08 (each 0..1)
                        --noise-seeds 5 (1..100)  --noise uniform|corners  --seed 2023  --test-images 1..{TestSetSize}
                        --threads 1  --out artifacts/robustness-NAME.csv
          sizing        the theorem against measurement (notebook 08): the n per layer the kernel construction needs
                        (HiddenSizing) for each target and eta, then kernel tickets at the n sized for one eta on several
                        random networks (seeds) with their test accuracy; writes a JSON with the command, seeds and machine
                        --targets {string.Join(",", CommittedTargets.Names)}  --eta 0.2,0.14,0.1,0.07,0.05 (each in (0, 1))
                        --accuracy-eta 0.05 (one of --eta)  --accuracy-seeds 5 (0..{SizingSweep.MaxAccuracySeeds})  --fraction 0.95
                        --max-n 512  --seed 2023  --parallel 2  --test-images 1..{TestSetSize}  --threads 1
                        --out data/theorem-against-measurement.json
          help          this text (also --help or -h anywhere)
        """;

    /// <summary>Runs the console with <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            output.WriteLine(Usage);
            return Success;
        }
        var target = new TargetCommandOptions();
        var construction = new ConstructionCommandOptions();
        var robustness = new RobustnessCommandOptions();
        var sizing = new SizingCommandOptions();
        var targetCommand = target.Command();
        var constructionCommand = construction.Command();
        var robustnessCommand = robustness.Command();
        var sizingCommand = sizing.Command();
        // A committed target is retrained with the thread count it was trained with (the weights depend on it in the last bits).
        targetCommand.SetAction(r => Execute(r, target.Threads, env =>
            r.GetValue(target.Layers) is null && CommittedTargets.Contains(r.GetValue(target.Target) ?? CommittedTargets.Default.Name)
                ? CommittedTargets.Get(r.GetValue(target.Target) ?? CommittedTargets.Default.Name).TorchThreads : env.Defaults.TorchThreads,
            (env, threads, output) => PrepareTarget(r, target, env, threads, args, output)));
        constructionCommand.SetAction(r => Execute(r, construction.Threads, env => env.Defaults.TorchThreads,
            (env, threads, output) => PrepareConstruction(r, construction, env, threads, args, output)));
        robustnessCommand.SetAction(r => Execute(r, robustness.Threads, env => env.Defaults.TorchThreads,
            (env, threads, output) => PrepareRobustness(r, robustness, env, threads, output)));
        sizingCommand.SetAction(r => Execute(r, sizing.Threads, env => env.Defaults.TorchThreads,
            (env, _, output) => PrepareSizing(r, sizing, env, args, output)));
        var root = new RootCommand("The reproducible jobs of the CNN-ticket part of the workbook.")
            { targetCommand, constructionCommand, robustnessCommand, sizingCommand };
        return ConsoleProgram.Run(root, args, Usage, output, error, unknownToken: (r, token) => r.CommandResult.Command is RootCommand
            ? $"unknown command '{token}'; the commands are target, construction, robustness, sizing and help (see help)." : null);
    }

    /// <summary>Reads and checks every option (<paramref name="prepare"/>), and only then starts libtorch and runs the job.</summary>
    private static int Execute(ParseResult result, Option<int?> threadsOption, Func<WorkbookEnvironment, int> defaultThreads,
        Func<WorkbookEnvironment, int, TextWriter, Action> prepare)
    {
        var env = WorkbookEnvironment.Load();
        int threads = result.GetValue(threadsOption) ?? defaultThreads(env);
        var job = prepare(env, threads, result.InvocationConfiguration.Output);
        torch.set_num_threads(threads);
        job();
        return Success;
    }

    private static Action PrepareTarget(ParseResult r, TargetCommandOptions o, WorkbookEnvironment env, int threads, IReadOnlyList<string> args, TextWriter output)
    {
        var committed = CommittedTargets.Get(r.GetValue(o.Target) ?? CommittedTargets.Default.Name);
        string? layers = r.GetValue(o.Layers);
        var architecture = layers is not null ? ParseLayers(layers) : committed.Architecture;
        if (layers is not null && r.GetValue(o.Out) is null)
            throw new ArgumentException("--layers trains another architecture than the committed target's; say where to write it with --out (for example --out artifacts/targets/mine.json).");
        var recipe = committed.Training;
        var training = ConsoleProgram.Checked(() => recipe with
        {
            Seed = r.GetValue(o.Seed) ?? recipe.Seed,
            Epochs = r.GetValue(o.Epochs) ?? recipe.Epochs,
            BatchSize = r.GetValue(o.Batch) ?? recipe.BatchSize,
            LearningRate = r.GetValue(o.LearningRate) ?? recipe.LearningRate,
            Schedule = r.GetValue(o.Schedule) ?? recipe.Schedule,
            MaxShift = r.GetValue(o.Shift) ?? recipe.MaxShift,
            HorizontalFlip = ConsoleOptions.IsTrue(r.GetValue(o.Flip), recipe.HorizontalFlip),
            WeightNoise = r.GetValue(o.WeightNoise) ?? recipe.WeightNoise,
            TrainImages = r.GetValue(o.TrainImages) ?? recipe.TrainImages,
        }, v => v.Validate(), OptionFor);
        string jsonPath = env.ResolvePath(r.GetValue(o.Out) ?? committed.JsonPath);
        CheckWritable(jsonPath, "out");
        return () => TrainTarget(architecture, training, threads, jsonPath, args, output);
    }

    private static void TrainTarget(TargetArchitecture architecture, TrainingOptions training, int threads, string jsonPath, IReadOnlyList<string> args, TextWriter output)
    {
        var data = FashionMnist.Load();
        output.WriteLine($"{data}; training {architecture} ({architecture.WeightCount:N0} weights, {architecture.SliceCount} kernel slices) with {training}, {threads} torch thread(s), load average {LoadAverage()}");
        var progress = new SyncProgress<TrainingProgress>(p => output.Write($"\r{p}   "), TimeSpan.FromSeconds(2));
        var result = TargetTrainer.Train(architecture, data.Train, training, progress);
        progress.Flush();
        output.WriteLine();
        double test = NetworkEvaluation.Accuracy(result.Target.ToNetwork(), data.Test);
        string commandLine = "dotnet run -c Release --project src/LotteryTickets.Train -- " + string.Join(" ", args);
        var info = new TargetInfo(result.Target.Architecture, training.Seed, training, commandLine, test, result.TrainAccuracy, threads,
            Math.Round(result.Elapsed.TotalSeconds, 1), Path.GetFileNameWithoutExtension(jsonPath) + ".weights", "");
        var written = TargetFile.Save(result.Target, info, jsonPath);
        output.WriteLine($"epoch losses {string.Join(", ", result.EpochLosses.Select(l => l.ToString("F4", CultureInfo.InvariantCulture)))}");
        output.WriteLine(FormattableString.Invariant(
            $"train accuracy {result.TrainAccuracy:P2}, test accuracy {test:P2}, layer max |w| {string.Join(" / ", TargetRobustness.LayerMaxAbs(result.Target).Select(m => m.ToString("F3", CultureInfo.InvariantCulture)))}, {result.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine($"wrote {jsonPath} (weights SHA-256 {written.WeightsSha256})");
    }

    private static Action PrepareConstruction(ParseResult r, ConstructionCommandOptions o, WorkbookEnvironment env, int threads, IReadOnlyList<string> args, TextWriter output)
    {
        int[] ns = r.OptionalValue(o.N) ?? [16, 32, 64];
        foreach (int n in ns)
        {
            if (n < RandomNetwork.MinHiddenPerInput)
                throw new ArgumentException($"--n {n} is too small: n (hidden channels per input channel) must be at least {RandomNetwork.MinHiddenPerInput}, or a block usually has no channel of the needed sign and no subset can make progress.");
            if (n > ConvLayerSpec.MaxChannels)
                throw new ArgumentException($"--n {n} is too large: n (hidden channels per input channel) can be at most {ConvLayerSpec.MaxChannels}.");
        }
        var variants = r.OptionalValue(o.Variants) ?? [TicketVariant.Kernel, TicketVariant.Filter, TicketVariant.Unstructured];
        var ticketOptions = ConsoleProgram.Checked(() =>
        {
            var t = new TicketOptions
            {
                SliceTolerance = r.GetValue(o.Tolerance) ?? TicketOptions.Default.SliceTolerance,
                MaxDegreeOfParallelism = r.GetValue(o.Parallel) ?? Environment.ProcessorCount,
            };
            return r.GetValue(o.NodeLimit) is long limit ? t with { NodeLimitPerSlice = limit } : t;
        }, t => t.Validate(), OptionFor);
        int[] seeds = r.OptionalValue(o.Seeds) ?? [env.Defaults.Seed];
        int testImages = r.GetValue(o.TestImages) ?? TestSetSize;
        string csv = env.ResolvePath(r.GetValue(o.Out) ?? Path.Combine(env.Defaults.ArtifactsFolder, "construction-times.csv"));
        CheckWritable(csv, "out");
        string? masks = r.GetValue(o.Masks) is string folder ? env.ResolvePath(folder) : null;
        if (masks is not null && File.Exists(masks)) throw new ArgumentException($"--masks names a folder; '{masks}' is a file.");
        var (target, targetName, info) = LoadTarget(r.GetValue(o.Target), env);
        string commandLine = "dotnet run -c Release --project src/LotteryTickets.Train -- " + string.Join(" ", args);
        return () => MeasureConstruction(target, targetName, info, ns, seeds, variants, ticketOptions, testImages, threads, csv, masks, commandLine, output);
    }

    private static void MeasureConstruction(TargetCnn target, string targetName, TargetInfo info, int[] ns, int[] seeds, TicketVariant[] variants,
        TicketOptions ticketOptions, int testImages, int threads, string csv, string? masks, string commandLine, TextWriter output)
    {
        var test = FashionMnist.IsAvailable() ? FashionMnist.Load().Test.Take(testImages) : null;
        var machine = MachineFacts.Current();
        var provenance = new List<(string, string)>
        {
            ("command", commandLine),
            ("target", $"{targetName}: {target.Architecture}; weights SHA-256 {info.WeightsSha256}"),
            ("construction", $"{ticketOptions}; {ticketOptions.MaxDegreeOfParallelism} construction thread(s), {threads} torch thread(s)"),
            ("accuracies", test is null ? "not measured (Fashion-MNIST not found)" : $"folded tickets on the first {test.Count} test images; sup error on 512 random images in [0, 1] from the row's seed"),
            ("machine", $"{Processor()}, {machine.Cores} logical cores, {machine.OperatingSystem}, {machine.DotNet}"),
            ("started", $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"),
        };
        var rows = new List<ConstructionSweepRow>();
        output.WriteLine($"{targetName}: {target}; {ticketOptions.MaxDegreeOfParallelism} construction thread(s), {threads} torch thread(s), {Environment.ProcessorCount} processors, load average {LoadAverage()}; {ticketOptions}");
        output.WriteLine(string.Join(",", ConstructionSweep.Columns));
        foreach (int seed in seeds)
            foreach (int n in ns)
            {
                RandomNetwork random;
                try { random = RandomNetwork.Create(target.Architecture, n, seed); }
                catch (ArgumentOutOfRangeException e) { throw new ArgumentException($"--n {n}: {ConsoleProgram.OneLine(e)}", e); }
                foreach (var variant in variants)
                {
                    var ticket = variant switch
                    {
                        TicketVariant.Kernel => KernelTicket.Build(target, random, ticketOptions),
                        TicketVariant.Filter => FilterTicket.Build(target, random, ticketOptions),
                        _ => UnstructuredTicket.Build(target, random, ticketOptions),
                    };
                    // The folded ticket computes the same function as the masked and compact ones (tested) at the target's cost.
                    rows.Add(ConstructionSweepRow.Measure(ticket, test, new VerificationOptions(Seed: seed)));
                    if (masks is not null)
                    {
                        Directory.CreateDirectory(masks);
                        string maskPath = Path.Combine(masks, $"{variant.ToString().ToLowerInvariant()}-n{n}-seed{seed}.mask.json");
                        ticket.Mask.Save(maskPath, $"{targetName} (weights SHA-256 {info.WeightsSha256}), tolerance {ticketOptions.SliceTolerance}; {commandLine}");
                        output.WriteLine($"wrote {maskPath}");
                    }
                    // Written after every row, so a long sweep can be read (or resumed by hand) while it runs.
                    var sweep = new ConstructionSweep([.. provenance, ("finished", $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}")], rows);
                    sweep.Save(csv);
                    output.WriteLine(RowText(rows[^1]));
                }
            }
        output.WriteLine($"wrote {csv}");
    }

    private static string RowText(ConstructionSweepRow r) => string.Join(",", r.Variant.ToString().ToLowerInvariant(), r.N, r.Seed, F(r.Seconds, "F2"), r.Slices,
        F(r.MaxSliceError, "G4"), F(r.MeanSliceError, "G4"), F(r.MedianSliceError, "G4"), r.Within002, r.Within005, r.Within01, r.RandomWeights, r.KeptWeights,
        r.CompactWeights, r.CompactMacs, F(r.RandomSupError, "G4"), F(r.Budget, "G4"), r.TestAgreement is double a ? F(a, "F4") : "",
        r.TargetAccuracy is double ta ? F(ta, "F4") : "", r.TicketAccuracy is double ka ? F(ka, "F4") : "");

    private static string Processor()
    {
        if (File.Exists("/proc/cpuinfo"))
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                    return line[(colon + 1)..].Trim();
        return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static Action PrepareRobustness(ParseResult r, RobustnessCommandOptions o, WorkbookEnvironment env, int threads, TextWriter output)
    {
        double[] etas = r.OptionalValue(o.Eta) ?? [0.01, 0.02, 0.03, 0.05, 0.08];
        foreach (double eta in etas)
            if (!(eta >= 0 && eta <= 1)) throw new ArgumentException($"--eta values must be between 0 and 1; got {eta.ToString(CultureInfo.InvariantCulture)}.");
        int noiseSeeds = r.GetValue(o.NoiseSeeds) ?? 5;
        var noise = r.GetValue(o.Noise) ?? KernelNoise.Uniform;
        int seed = r.GetValue(o.Seed) ?? env.Defaults.Seed;
        int testImages = r.GetValue(o.TestImages) ?? TestSetSize;
        var (target, targetName, _) = LoadTarget(r.GetValue(o.Target), env);
        string safeName = string.Concat(Path.GetFileNameWithoutExtension(targetName).Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-'));
        string csv = env.ResolvePath(r.GetValue(o.Out) ?? Path.Combine(env.Defaults.ArtifactsFolder, $"robustness-{safeName}.csv"));
        CheckWritable(csv, "out");
        return () => MeasureRobustness(target, targetName, etas, noiseSeeds, noise, seed, testImages, threads, csv, output);
    }

    private static void MeasureRobustness(TargetCnn target, string targetName, double[] etas, int noiseSeeds, KernelNoise noise, int seed, int testImages,
        int threads, string csv, TextWriter output)
    {
        var test = FashionMnist.Load().Test.Take(testImages);
        output.WriteLine($"{targetName}: {target}; {test.Count} test images, {noiseSeeds} noise draws per eta ({noise}), seed {seed}, {threads} torch thread(s), load average {LoadAverage()}");
        output.WriteLine($"layer max |w| as stored: {string.Join(" / ", TargetRobustness.LayerMaxAbs(target).Select(m => F(m, "F3")))}; unit-ball factors {string.Join(" / ", TargetRobustness.UnitBallScales(target).Select(m => F(m, "F3")))}");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
        var lines = new List<string> { "form,eta,noise,clean_accuracy,mean_accuracy,worst_accuracy,mean_drop_points,accuracies" };
        foreach (var (form, network) in new[] { ("as stored", target), ("unit ball", TargetRobustness.ScaledToUnitBall(target)) })
            foreach (var row in TargetRobustness.Measure(network, test, etas, noiseSeeds, seed, noise))
            {
                lines.Add(string.Join(",", form, F(row.Eta, "G4"), row.Noise, F(row.CleanAccuracy, "F4"), F(row.Mean, "F4"), F(row.Worst, "F4"), F(row.MeanDropPoints, "F2"),
                    string.Join(" ", row.Accuracies.Select(a => F(a, "F4")))));
                output.WriteLine($"{form,-10} {row}");
            }
        File.WriteAllLines(csv, lines);
        output.WriteLine($"wrote {csv}");
    }

    private static Action PrepareSizing(ParseResult r, SizingCommandOptions o, WorkbookEnvironment env, IReadOnlyList<string> args, TextWriter output)
    {
        string[] names = (r.GetValue(o.Targets) ?? string.Join(",", CommittedTargets.Names)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in names)
            if (!CommittedTargets.Contains(name))
                throw new ArgumentException($"--targets takes committed targets ({string.Join(", ", CommittedTargets.Names)}), separated by commas; got '{name}'.", "targets");
        if (names.Length == 0) throw new ArgumentException("--targets must name at least one committed target.", "targets");
        double[] etas = r.OptionalValue(o.Eta) ?? [0.2, 0.14, 0.1, 0.07, 0.05];
        foreach (double eta in etas)
            if (!(eta > 0 && eta < 1)) throw new ArgumentException($"--eta values must be strictly between 0 and 1; got {eta.ToString(CultureInfo.InvariantCulture)}.", "eta");
        double accuracyEta = r.GetValue(o.AccuracyEta) ?? (etas.Contains(0.05) ? 0.05 : etas[^1]);
        int accuracySeeds = r.GetValue(o.AccuracySeeds) ?? 5;
        if (accuracySeeds > 0 && !etas.Contains(accuracyEta))
            throw new ArgumentException($"--accuracy-eta {accuracyEta.ToString(CultureInfo.InvariantCulture)} must be one of --eta ({string.Join(",", etas.Select(e => e.ToString(CultureInfo.InvariantCulture)))}): the tickets use the n sized for it.", "accuracy-eta");
        double fraction = r.GetValue(o.Fraction) ?? 0.95;
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentException($"--fraction must be in (0, 1]; got {fraction.ToString(CultureInfo.InvariantCulture)}.", "fraction");
        int maxN = r.GetValue(o.MaxN) ?? 512;
        int seed = r.GetValue(o.Seed) ?? env.Defaults.Seed;
        var ticketOptions = ConsoleProgram.Checked(() => TicketOptions.Default with { MaxDegreeOfParallelism = r.GetValue(o.Parallel) ?? Environment.ProcessorCount }, t => t.Validate(), OptionFor);
        int testImages = r.GetValue(o.TestImages) ?? TestSetSize;
        string json = env.ResolvePath(r.GetValue(o.Out) ?? "data/theorem-against-measurement.json");
        CheckWritable(json, "out");
        var targets = names.Select(n => (CommittedTargets.Get(n).Name, CommittedTargets.Get(n).Load(env).Target)).ToArray();
        string command = "dotnet run -c Release --project src/LotteryTickets.Train -- " + string.Join(" ", args);
        return () =>
        {
            var test = accuracySeeds > 0 ? FashionMnist.Load().Test.Take(testImages) : null;
            output.WriteLine($"sizing {string.Join(", ", names)} at eta {string.Join(", ", etas.Select(e => F(e, "G3")))}; accuracy at eta {F(accuracyEta, "G3")} on {accuracySeeds} random networks; " +
                $"{ticketOptions.MaxDegreeOfParallelism} construction thread(s), {Environment.ProcessorCount} processors, load average {LoadAverage()}");
            var result = SizingSweep.Run(targets, etas, accuracyEta, accuracySeeds, seed, test, fraction, maxN, ticketOptions, command,
                new SyncProgress<string>(output.WriteLine, TimeSpan.Zero));
            foreach (var row in result.Sizing)
                output.WriteLine($"{row.Target}, eta = {F(row.Eta, "G3")}: n = [{string.Join(", ", row.HiddenPerInput)}] (counting bound [{string.Join(", ", row.CountingBound)}]), {F(row.Seconds, "F1")} s");
            result.Save(json);
            output.WriteLine($"wrote {json} ({F(result.Provenance.Seconds, "F0")} s, load average {result.Provenance.LoadAverageStart} -> {result.Provenance.LoadAverageEnd})");
        };
    }

    /// <summary>A committed target by name, or a target JSON by path (<see cref="CommittedTargets.LoadNameOrPath"/>).</summary>
    private static (TargetCnn Target, string Name, TargetInfo Info) LoadTarget(string? option, WorkbookEnvironment env)
    {
        var (target, info, name, _) = CommittedTargets.LoadNameOrPath(option ?? CommittedTargets.Default.Name, env);
        return (target, name, info);
    }

    /// <summary>Parses <c>c_out:kernel:stride:padding</c> per layer into an architecture for 1x28x28 non-negative inputs.</summary>
    public static TargetArchitecture ParseLayers(string text)
    {
        var layers = new List<ConvLayerSpec>();
        int channels = 1;
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var fields = part.Split(':', StringSplitOptions.TrimEntries);
            if (fields.Length != 4 || !fields.All(f => int.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
                throw new ArgumentException($"--layers takes c_out:kernel:stride:padding for each layer, separated by commas (e.g. 8:3:1:0,16:3:2:0,10:3:1:0); got '{part}' in '{text}'.");
            var v = fields.Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            layers.Add(new ConvLayerSpec(channels, v[0], v[1], v[2], v[3]));
            channels = v[0];
        }
        var architecture = new TargetArchitecture(1, 28, layers, InputNonNegative: true);
        try { architecture.Validate("layers"); }
        catch (ArgumentException e) { throw new ArgumentException($"--layers '{text}': {ConsoleProgram.OneLine(e)}", e); }
        if (channels != FashionMnist.ClassNames.Count)
            throw new ArgumentException($"--layers '{text}': the last layer must have {FashionMnist.ClassNames.Count} output channels, one per Fashion-MNIST class; got {channels}.");
        return architecture;
    }

    // The console option that sets each validated parameter (ConsoleProgram.Checked names it in a refusal).
    private static string? OptionFor(string? parameter) => parameter switch
    {
        nameof(TrainingOptions.Epochs) => "epochs",
        nameof(TrainingOptions.BatchSize) => "batch",
        nameof(TrainingOptions.LearningRate) => "lr",
        nameof(TrainingOptions.MaxShift) => "shift",
        nameof(TrainingOptions.WeightNoise) => "weight-noise",
        nameof(TrainingOptions.TrainImages) => "train-images",
        nameof(TicketOptions.SliceTolerance) => "tolerance",
        nameof(TicketOptions.NodeLimitPerSlice) => "node-limit",
        nameof(TicketOptions.MaxDegreeOfParallelism) => "parallel",
        _ => null,
    };

    private static void CheckWritable(string path, string option)
    {
        if (Directory.Exists(path)) throw new ArgumentException($"--{option} '{path}' is a folder; give a file name.", option);
    }

    private static string LoadAverage() => MachineFacts.LoadAverage();

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
