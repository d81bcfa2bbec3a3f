using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using LotteryTickets.Charts;
using LotteryTickets.Cli;
using LotteryTickets.Learning;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Timing;
using LotteryTickets.Workbook;
using TorchSharp;

namespace LotteryTickets.Learn;

/// <summary>
/// The full comparison behind notebook 07: for every n and seed, the constructed kernel ticket of a committed target and
/// masks learned by edge-popup at its budget on the same random network, with test accuracies, times and the speed of
/// the compact networks, written to a small JSON file (<see cref="LearnedComparisonResults"/>). Every option is checked
/// before any work starts; a bad value gets one line naming the option and the value, and exit code 2.
/// </summary>
public static class LearnConsole
{
    /// <summary>Exit code of a successful run (also of <c>--help</c>).</summary>
    public const int Success = ConsoleProgram.Success;

    /// <summary>Exit code of a run refused for bad input (unknown option, value out of range, missing file).</summary>
    public const int BadInput = ConsoleProgram.BadInput;

    private const int TrainSetSize = 60_000, TestSetSize = 10_000, MaxThreads = 256;

    // The options, in the order the usage lists them; parsing checks their types and ranges.
    private sealed class LearnOptions
    {
        public readonly Option<string?> Target = ConsoleOptions.Text("target"), Note = ConsoleOptions.Text("note"), Out = ConsoleOptions.Text("out");
        public readonly Option<int[]?> N = ConsoleOptions.Ints("n"), Seeds = ConsoleOptions.Ints("seeds"), TimingBatch = ConsoleOptions.Ints("timing-batch");
        public readonly Option<int?> TrainImages = ConsoleOptions.Int("train-images", min: 1, max: TrainSetSize), Epochs = ConsoleOptions.Int("epochs"),
            Batch = ConsoleOptions.Int("batch"), TestImages = ConsoleOptions.Int("test-images", min: 1, max: TestSetSize),
            Parallel = ConsoleOptions.Int("parallel", min: 1, max: MaxThreads), Threads = ConsoleOptions.Int("threads", min: 1, max: MaxThreads);
        public readonly Option<double?> LearningRate = ConsoleOptions.Number("lr"), Tolerance = ConsoleOptions.Number("tolerance"),
            TimingSeconds = ConsoleOptions.Number("timing-seconds");
        public readonly Option<ScoreOptimizer?> Optimizer = ConsoleOptions.Choice<ScoreOptimizer>("optimizer");
        public readonly Option<MaskGranularity[]?> Granularities = ConsoleOptions.Enums<MaskGranularity>("granularities");
        public readonly Option<long?> NodeLimit = ConsoleOptions.Long("node-limit");

        public RootCommand Command() => new("Learned (edge-popup) masks against the constructed kernel ticket on the same random networks (notebook 07).")
        {
            Target, N, Seeds, TrainImages, Epochs, Batch, LearningRate, Optimizer, Granularities, TestImages, Tolerance, NodeLimit, Parallel, Threads,
            TimingBatch, TimingSeconds, Note, Out,
        };
    }

    /// <summary>The usage text printed by <c>help</c>.</summary>
    public static string Usage => $"""
        usage: dotnet run -c Release --project src/LotteryTickets.Learn -- [--option value ...]
          For every n and seed: the random network, the constructed kernel ticket of the target, and masks learned by
          edge-popup (kernels, channels, weights) that keep as many weights of each d x d layer as the constructed ticket,
          with their random controls (the same scores, untrained); test accuracies, times, and the speed of the compact
          networks (first seed of each n). Writes a JSON results file with the command, seeds and machine facts.
          --target NAME|PATH      {string.Join("|", CommittedTargets.Names)} or a target JSON (default {CommittedTargets.Default.Name})
          --n 64,128              hidden channels per input channel, every layer (each {RandomNetwork.MinHiddenPerInput}..{ConvLayerSpec.MaxChannels})
          --seeds 2023,2024       seeds of the random networks and of the scores
          --train-images 1..{TrainSetSize}  training images for the learned masks (default: all)
          --epochs 1..{EdgePopupOptions.MaxEpochs}  --batch 1..4096  --lr 0.02  --optimizer adam|sgdmomentum
          --granularities kernel,channel,weight
          --test-images 1..{TestSetSize}  test images for the accuracies (default: all)
          --tolerance 0.02        eta of the constructed ticket (0..1)
          --node-limit N          search budget per slice of the construction (default: the solver's own)
          --parallel 1..{MaxThreads}       construction threads (default: all processors)
          --threads 1..{MaxThreads}        torch threads (default: environment.json)
          --timing-batch 128      batch sizes timed, comma-separated (0: no timing)  --timing-seconds 2 per measurement
          --out data/learned-comparison.json
          --note "..."            recorded in the file as is (say there when a configuration is reduced, and why)
          help                    this text (also --help or -h)
        """;

    /// <summary>Runs the console with <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LearnOptions();
        var root = options.Command();
        root.SetAction(r =>
        {
            var job = Prepare(r, options, args, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            job();
            return Success;
        });
        return ConsoleProgram.Run(root, args, Usage, output, error);
    }

    private static Action Prepare(ParseResult r, LearnOptions o, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var env = WorkbookEnvironment.Load();
        int threads = r.GetValue(o.Threads) ?? env.Defaults.TorchThreads;
        int[] ns = r.OptionalValue(o.N) ?? [64, 128];
        foreach (int n in ns)
        {
            if (n < RandomNetwork.MinHiddenPerInput)
                throw new ArgumentException($"--n {n} is too small: n (hidden channels per input channel) must be at least {RandomNetwork.MinHiddenPerInput}.", "n");
            if (n > ConvLayerSpec.MaxChannels)
                throw new ArgumentException($"--n {n} is too large: n (hidden channels per input channel) can be at most {ConvLayerSpec.MaxChannels}.", "n");
        }
        if (ns.Distinct().Count() != ns.Length) throw new ArgumentException($"--n lists a value twice: {string.Join(",", ns)}.", "n");
        int[] seeds = r.OptionalValue(o.Seeds) ?? [env.Defaults.Seed, env.Defaults.Seed + 1];
        if (seeds.Distinct().Count() != seeds.Length) throw new ArgumentException($"--seeds lists a seed twice: {string.Join(",", seeds)}.", "seeds");
        var learning = ConsoleProgram.Checked(() => new EdgePopupOptions(
            Seed: seeds[0],
            Epochs: r.GetValue(o.Epochs) ?? new EdgePopupOptions().Epochs,
            BatchSize: r.GetValue(o.Batch) ?? new EdgePopupOptions().BatchSize,
            LearningRate: r.GetValue(o.LearningRate) ?? new EdgePopupOptions().LearningRate,
            Optimizer: r.GetValue(o.Optimizer) ?? ScoreOptimizer.Adam,
            TrainImages: r.GetValue(o.TrainImages)), e => e.Validate(), OptionFor);
        var construction = ConsoleProgram.Checked(() =>
        {
            var t = new TicketOptions
            {
                SliceTolerance = r.GetValue(o.Tolerance) ?? TicketOptions.Default.SliceTolerance,
                MaxDegreeOfParallelism = r.GetValue(o.Parallel) ?? Environment.ProcessorCount,
            };
            return r.GetValue(o.NodeLimit) is long limit ? t with { NodeLimitPerSlice = limit } : t;
        }, t => t.Validate(), OptionFor);
        var granularities = r.OptionalValue(o.Granularities) ?? [MaskGranularity.Kernel, MaskGranularity.Channel, MaskGranularity.Weight];
        if (granularities.Distinct().Count() != granularities.Length)
            throw new ArgumentException($"--granularities lists one twice: {string.Join(",", granularities.Select(g => g.ToString().ToLowerInvariant()))}.", "granularities");
        int testImages = r.GetValue(o.TestImages) ?? TestSetSize;
        int[] timingBatches = r.OptionalValue(o.TimingBatch) ?? [128];
        foreach (int b in timingBatches)
            if (b < 0 || b > TimingOptions.MaxBatchSize)
                throw new ArgumentException($"--timing-batch values must be between 0 (no timing) and {TimingOptions.MaxBatchSize}; got {b}.", "timing-batch");
        timingBatches = timingBatches.Where(b => b > 0).ToArray();
        double timingSeconds = r.GetValue(o.TimingSeconds) ?? 2;
        if (!(timingSeconds > 0 && timingSeconds <= 600))
            throw new ArgumentException($"--timing-seconds must be in (0, 600]; got {timingSeconds.ToString(CultureInfo.InvariantCulture)}.", "timing-seconds");
        string note = r.GetValue(o.Note) ?? "";
        string outPath = env.ResolvePath(r.GetValue(o.Out) ?? "data/learned-comparison.json");
        if (Directory.Exists(outPath)) throw new ArgumentException($"--out '{outPath}' is a folder; give a file name.", "out");
        var (target, info, targetFile) = LoadTarget(r.GetValue(o.Target), env);
        // Every option has been read and checked; only now does libtorch start.
        return () =>
        {
            torch.set_num_threads(threads);
            var comparison = new ComparisonOptions(learning, construction, granularities, testImages);
            RunComparison(env, target, info, targetFile, ns, seeds, comparison, threads, timingBatches, timingSeconds, note, outPath, args, output, error);
        };
    }

    private static void RunComparison(WorkbookEnvironment env, TargetCnn target, TargetInfo info, string targetFile, int[] ns, int[] seeds,
        ComparisonOptions comparisonOptions, int threads, int[] timingBatches, double timingSeconds, string note, string outPath, IReadOnlyList<string> args,
        TextWriter output, TextWriter error)
    {
        var data = FashionMnist.Load();
        var learning = comparisonOptions.Learning;
        var construction = comparisonOptions.Construction!;
        string loadBefore = MachineFacts.LoadAverage();
        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        output.WriteLine($"target {targetFile}: {target} ({info.TestAccuracy:P2}); n = [{string.Join(", ", ns)}], seeds [{string.Join(", ", seeds)}]; {learning}; " +
                         $"eta {construction.SliceTolerance}, {construction.MaxDegreeOfParallelism} construction thread(s), {threads} torch thread(s), " +
                         $"{Environment.ProcessorCount} processors; load average {loadBefore}");
        var rows = new List<ComparisonRow>();
        var timing = new List<ResultsTiming>();
        var progress = new SyncProgress<string>(s => error.Write($"\r{(s.Length > 150 ? s[..150] : s),-150}"), TimeSpan.FromSeconds(2));
        foreach (int n in ns)
            foreach (int seed in seeds)
            {
                var random = RandomNetwork.Create(target.Architecture, n, seed);
                var comparison = LearnedComparison.Run(target, random, data.Train, data.Test, comparisonOptions with { Learning = learning with { Seed = seed } },
                    info.TrainingSeconds, progress);
                progress.Flush();
                error.WriteLine();
                rows.AddRange(rows.Any(r => r.Method == "target") ? comparison.Rows.Where(r => r.Method != "target") : comparison.Rows);
                output.WriteLine(Table.FromRows(["network", "kept weights", "density", "used channels", "test accuracy", "seconds"],
                    comparison.Rows.Select(r => new object?[] { r.Label, r.KeptWeights, r.Density, r.UsedChannels, r.TestAccuracy, r.Seconds }),
                    $"n = {n}, seed {seed} ({watch.Elapsed.TotalSeconds:F0} s so far, load average {MachineFacts.LoadAverage()})"));
                if (seed != seeds[0] || timingBatches.Length == 0) continue;
                var report = InferenceTimer.Measure(comparison.CompactNetworks(), new TimingOptions
                {
                    BatchSizes = timingBatches, Threads = threads, MaxSecondsPerMeasurement = timingSeconds, InputSeed = seed,
                });
                timing.AddRange(report.Rows.Select(r => new ResultsTiming(n, seed, r)));
                output.WriteLine(report.ToTable($"Compact networks, n = {n}, seed {seed}"));
            }

        output.WriteLine(Summary(rows, ns));
        var machine = MachineFacts.Current();
        string command = "dotnet run -c Release --project src/LotteryTickets.Learn --" + string.Concat(args.Select(a => " " + (a.Contains(' ') ? $"\"{a}\"" : a)));
        var results = new LearnedComparisonResults(LearnedComparisonResults.FormatName, LearnedComparisonResults.FormatVersion, command, note,
            started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            new ResultsTarget(targetFile, info.WeightsSha256, target.Architecture, info.TestAccuracy, info.TrainingSeconds),
            ns, seeds, learning, construction.SliceTolerance, comparisonOptions.TestImages ?? data.Test.Count,
            new ResultsMachine(TimingConditions.Capture().Processor, machine.Cores, machine.OperatingSystem, machine.DotNet, threads,
                construction.MaxDegreeOfParallelism ?? Environment.ProcessorCount, loadBefore, MachineFacts.LoadAverage(), Math.Round(watch.Elapsed.TotalSeconds, 1)),
            rows, timing);
        results.Save(outPath);
        output.WriteLine($"wrote {outPath} ({watch.Elapsed.TotalSeconds:F0} s; load average {loadBefore} before, {results.Machine.LoadAverageAfter} after)");
    }

    private static Table Summary(IReadOnlyList<ComparisonRow> rows, int[] ns)
    {
        var labels = rows.Where(r => r.Method != "target").Select(r => r.Label).Distinct().ToArray();
        return Table.FromRows(["network", .. ns.Select(n => $"n = {n}: accuracy (mean, min-max over seeds)"), "seconds (mean)"],
            labels.Select(label => new object?[] { label }
                .Concat(ns.Select(n => rows.Where(r => r.Label == label && r.HiddenPerInput == n).Select(r => r.TestAccuracy).ToArray() is { Length: > 0 } a
                    ? (object)FormattableString.Invariant($"{a.Average():P1} ({a.Min():P1}-{a.Max():P1})") : ""))
                .Append(rows.Where(r => r.Label == label && r.Seconds is not null).Select(r => r.Seconds!.Value).DefaultIfEmpty(double.NaN).Average())),
            "Test accuracy over seeds");
    }

    /// <summary>A committed target by name, or a target JSON by path (<see cref="CommittedTargets.LoadNameOrPath"/>); also the path as recorded.</summary>
    private static (TargetCnn Target, TargetInfo Info, string File) LoadTarget(string? option, WorkbookEnvironment env)
    {
        var (target, info, _, jsonPath) = CommittedTargets.LoadNameOrPath(option ?? CommittedTargets.Default.Name, env);
        return (target, info, jsonPath);
    }

    // The console option that sets each validated parameter (ConsoleProgram.Checked names it in a refusal).
    private static string? OptionFor(string? parameter) => parameter switch
    {
        nameof(EdgePopupOptions.Epochs) => "epochs",
        nameof(EdgePopupOptions.BatchSize) => "batch",
        nameof(EdgePopupOptions.LearningRate) => "lr",
        nameof(EdgePopupOptions.TrainImages) => "train-images",
        nameof(TicketOptions.SliceTolerance) => "tolerance",
        nameof(TicketOptions.NodeLimitPerSlice) => "node-limit",
        nameof(TicketOptions.MaxDegreeOfParallelism) => "parallel",
        _ => null,
    };
}
