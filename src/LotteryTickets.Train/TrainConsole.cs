using System.Diagnostics;
using System.Globalization;
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
    public const int Success = 0;

    /// <summary>Exit code of a run refused for bad input (unknown command or option, value out of range, missing file).</summary>
    public const int BadInput = 2;

    private const int TrainSetSize = 60_000, TestSetSize = 10_000, MaxThreads = 256;

    private static readonly string[] TargetOptions = ["target", "layers", "seed", "epochs", "batch", "lr", "schedule", "shift", "flip", "weight-noise", "train-images", "threads", "out"];
    private static readonly string[] ConstructionOptions = ["target", "seed", "n", "variants", "tolerance", "node-limit", "parallel", "test-images", "threads", "out", "masks"];
    private static readonly string[] RobustnessOptions = ["target", "seed", "eta", "noise-seeds", "noise", "test-images", "threads", "out"];
    private static readonly string[] SizingOptions = ["targets", "eta", "accuracy-eta", "accuracy-seeds", "fraction", "max-n", "seed", "parallel", "test-images", "threads", "out"];

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
        string command = args.Count > 0 ? args[0] : "help";
        if (command is "help" or "--help" or "-h" || args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(Usage);
            return Success;
        }
        string[]? known = command switch
        {
            "target" => TargetOptions,
            "construction" => ConstructionOptions,
            "robustness" => RobustnessOptions,
            "sizing" => SizingOptions,
            _ => null,
        };
        if (known is null)
        {
            error.WriteLine($"error: unknown command '{command}'; the commands are target, construction, robustness, sizing and help.");
            error.WriteLine(Usage);
            return BadInput;
        }
        try
        {
            var options = CommandOptions.Parse(args.Skip(1).ToArray(), known);
            var env = WorkbookEnvironment.Load();
            // A committed target is retrained with the thread count it was trained with (the weights depend on it in the last bits).
            int defaultThreads = command == "target" && !options.Has("layers") && CommittedTargets.Contains(options.String("target", CommittedTargets.Default.Name))
                ? CommittedTargets.Get(options.String("target", CommittedTargets.Default.Name)).TorchThreads : env.Defaults.TorchThreads;
            int threads = Bounded(options, "threads", defaultThreads, 1, MaxThreads);
            Action job = command switch
            {
                "target" => PrepareTarget(options, env, threads, args, output),
                "construction" => PrepareConstruction(options, env, threads, args, output),
                "sizing" => PrepareSizing(options, env, args, output),
                _ => PrepareRobustness(options, env, threads, output),
            };
            // Every option has been read and checked; only now does libtorch start.
            torch.set_num_threads(threads);
            job();
            return Success;
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException)
        {
            error.WriteLine($"error: {OneLine(e)}");
            return BadInput;
        }
    }

    private static Action PrepareTarget(CommandOptions options, WorkbookEnvironment env, int threads, IReadOnlyList<string> args, TextWriter output)
    {
        var committed = CommittedTargets.Get(options.String("target", CommittedTargets.Default.Name));
        var architecture = options.Has("layers") ? ParseLayers(options.String("layers", "")) : committed.Architecture;
        if (options.Has("layers") && !options.Has("out"))
            throw new ArgumentException("--layers trains another architecture than the committed target's; say where to write it with --out (for example --out artifacts/targets/mine.json).");
        var recipe = committed.Training;
        var training = Checked(() => recipe with
        {
            Seed = options.Int("seed", recipe.Seed),
            Epochs = options.Int("epochs", recipe.Epochs),
            BatchSize = options.Int("batch", recipe.BatchSize),
            LearningRate = options.Double("lr", recipe.LearningRate),
            Schedule = Single(options.Enums("schedule", [recipe.Schedule]), "schedule"),
            MaxShift = options.Int("shift", recipe.MaxShift),
            HorizontalFlip = Bool(options, "flip", recipe.HorizontalFlip),
            WeightNoise = options.Double("weight-noise", recipe.WeightNoise),
            TrainImages = options.Has("train-images") ? Bounded(options, "train-images", TrainSetSize, 1, TrainSetSize) : recipe.TrainImages,
        }, v => v.Validate());
        string jsonPath = env.ResolvePath(options.String("out", committed.JsonPath));
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

    private static Action PrepareConstruction(CommandOptions options, WorkbookEnvironment env, int threads, IReadOnlyList<string> args, TextWriter output)
    {
        int[] ns = options.Ints("n", [16, 32, 64]);
        foreach (int n in ns)
        {
            if (n < RandomNetwork.MinHiddenPerInput)
                throw new ArgumentException($"--n {n} is too small: n (hidden channels per input channel) must be at least {RandomNetwork.MinHiddenPerInput}, or a block usually has no channel of the needed sign and no subset can make progress.");
            if (n > ConvLayerSpec.MaxChannels)
                throw new ArgumentException($"--n {n} is too large: n (hidden channels per input channel) can be at most {ConvLayerSpec.MaxChannels}.");
        }
        var variants = options.Enums("variants", [TicketVariant.Kernel, TicketVariant.Filter, TicketVariant.Unstructured]);
        var ticketOptions = Checked(() =>
        {
            var o = new TicketOptions
            {
                SliceTolerance = options.Double("tolerance", TicketOptions.Default.SliceTolerance),
                MaxDegreeOfParallelism = Bounded(options, "parallel", Environment.ProcessorCount, 1, MaxThreads),
            };
            return options.OptionalLong("node-limit") is long limit ? o with { NodeLimitPerSlice = limit } : o;
        }, o => o.Validate());
        int[] seeds = options.Ints("seed", [env.Defaults.Seed]);
        int testImages = Bounded(options, "test-images", TestSetSize, 1, TestSetSize);
        string csv = env.ResolvePath(options.String("out", Path.Combine(env.Defaults.ArtifactsFolder, "construction-times.csv")));
        CheckWritable(csv, "out");
        string? masks = options.Has("masks") ? env.ResolvePath(options.String("masks", "")) : null;
        if (masks is not null && File.Exists(masks)) throw new ArgumentException($"--masks names a folder; '{masks}' is a file.");
        var (target, targetName, info) = LoadTarget(options, env);
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
                catch (ArgumentOutOfRangeException e) { throw new ArgumentException($"--n {n}: {OneLine(e)}", e); }
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

    private static Action PrepareRobustness(CommandOptions options, WorkbookEnvironment env, int threads, TextWriter output)
    {
        double[] etas = options.Has("eta") ? Numbers(options.String("eta", ""), "eta") : [0.01, 0.02, 0.03, 0.05, 0.08];
        foreach (double eta in etas)
            if (!(eta >= 0 && eta <= 1)) throw new ArgumentException($"--eta values must be between 0 and 1; got {eta.ToString(CultureInfo.InvariantCulture)}.");
        int noiseSeeds = Bounded(options, "noise-seeds", 5, 1, 100);
        var noise = Single(options.Enums("noise", [KernelNoise.Uniform]), "noise");
        int seed = options.Int("seed", env.Defaults.Seed);
        int testImages = Bounded(options, "test-images", TestSetSize, 1, TestSetSize);
        var (target, targetName, _) = LoadTarget(options, env);
        string safeName = string.Concat(Path.GetFileNameWithoutExtension(targetName).Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-'));
        string csv = env.ResolvePath(options.String("out", Path.Combine(env.Defaults.ArtifactsFolder, $"robustness-{safeName}.csv")));
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

    private static Action PrepareSizing(CommandOptions options, WorkbookEnvironment env, IReadOnlyList<string> args, TextWriter output)
    {
        string[] names = options.String("targets", string.Join(",", CommittedTargets.Names)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in names)
            if (!CommittedTargets.Contains(name))
                throw new ArgumentException($"--targets takes committed targets ({string.Join(", ", CommittedTargets.Names)}), separated by commas; got '{name}'.", "targets");
        if (names.Length == 0) throw new ArgumentException("--targets must name at least one committed target.", "targets");
        double[] etas = options.Has("eta") ? Numbers(options.String("eta", ""), "eta") : [0.2, 0.14, 0.1, 0.07, 0.05];
        foreach (double eta in etas)
            if (!(eta > 0 && eta < 1)) throw new ArgumentException($"--eta values must be strictly between 0 and 1; got {eta.ToString(CultureInfo.InvariantCulture)}.", "eta");
        double accuracyEta = options.Double("accuracy-eta", etas.Contains(0.05) ? 0.05 : etas[^1]);
        int accuracySeeds = Bounded(options, "accuracy-seeds", 5, 0, SizingSweep.MaxAccuracySeeds);
        if (accuracySeeds > 0 && !etas.Contains(accuracyEta))
            throw new ArgumentException($"--accuracy-eta {accuracyEta.ToString(CultureInfo.InvariantCulture)} must be one of --eta ({string.Join(",", etas.Select(e => e.ToString(CultureInfo.InvariantCulture)))}): the tickets use the n sized for it.", "accuracy-eta");
        double fraction = options.Double("fraction", 0.95);
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentException($"--fraction must be in (0, 1]; got {fraction.ToString(CultureInfo.InvariantCulture)}.", "fraction");
        int maxN = Bounded(options, "max-n", 512, RandomNetwork.MinHiddenPerInput, ConvLayerSpec.MaxChannels);
        int seed = options.Int("seed", env.Defaults.Seed);
        var ticketOptions = Checked(() => TicketOptions.Default with { MaxDegreeOfParallelism = Bounded(options, "parallel", Environment.ProcessorCount, 1, MaxThreads) }, o => o.Validate());
        int testImages = Bounded(options, "test-images", TestSetSize, 1, TestSetSize);
        string json = env.ResolvePath(options.String("out", "data/theorem-against-measurement.json"));
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

    /// <summary>A committed target by name, or a target JSON by path (relative to the repository's top or absolute).</summary>
    private static (TargetCnn Target, string Name, TargetInfo Info) LoadTarget(CommandOptions options, WorkbookEnvironment env)
    {
        string value = options.String("target", CommittedTargets.Default.Name);
        if (CommittedTargets.Contains(value))
        {
            var committed = CommittedTargets.Get(value);
            var (target, info) = committed.Load(env);
            return (target, committed.Name, info);
        }
        if (!value.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"--target takes a committed target ({string.Join(", ", CommittedTargets.Names)}) or a target JSON file; got '{value}'.");
        var (loaded, loadedInfo) = TargetFile.Load(env.ResolvePath(value));
        return (loaded, value, loadedInfo);
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
        catch (ArgumentException e) { throw new ArgumentException($"--layers '{text}': {OneLine(e)}", e); }
        if (channels != FashionMnist.ClassNames.Count)
            throw new ArgumentException($"--layers '{text}': the last layer must have {FashionMnist.ClassNames.Count} output channels, one per Fashion-MNIST class; got {channels}.");
        return architecture;
    }

    /// <summary>Builds a value and validates it, turning a validation failure into an error that names the console option.</summary>
    private static T Checked<T>(Func<T> build, Action<T> validate)
    {
        var value = build();
        try { validate(value); }
        catch (ArgumentOutOfRangeException e)
        {
            string option = e.ParamName switch
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
                _ => e.ParamName ?? "?",
            };
            throw new ArgumentException($"--{option} {Convert.ToString(e.ActualValue, CultureInfo.InvariantCulture)}: {OneLine(e)}", option, e);
        }
        return value;
    }

    private static int Bounded(CommandOptions options, string name, int fallback, int min, int max)
    {
        int value = options.Int(name, fallback);
        if (value < min || value > max)
            throw new ArgumentException($"--{name} must be between {min} and {max}; got {value}.", name);
        return value;
    }

    private static bool Bool(CommandOptions options, string name, bool fallback)
    {
        string text = options.String(name, fallback ? "true" : "false");
        return bool.TryParse(text, out bool value) ? value : throw new ArgumentException($"--{name} takes true or false; got '{text}'.", name);
    }

    private static T Single<T>(T[] values, string name) =>
        values.Length == 1 ? values[0] : throw new ArgumentException($"--{name} takes one value; got {values.Length}.", name);

    private static double[] Numbers(string text, string name) =>
        text.Split(',', StringSplitOptions.TrimEntries).Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x
            : throw new ArgumentException($"--{name} takes comma-separated numbers; got '{v}'.", name)).ToArray();

    private static void CheckWritable(string path, string option)
    {
        if (Directory.Exists(path)) throw new ArgumentException($"--{option} '{path}' is a folder; give a file name.", option);
    }

    /// <summary>An exception's message without the " (Parameter 'x')" and "Actual value was" lines .NET appends.</summary>
    private static string OneLine(Exception e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        return message.Split('\n')[0].Trim();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
