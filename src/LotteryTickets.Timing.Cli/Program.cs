using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using LotteryTickets.Cli;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Timing;
using LotteryTickets.Workbook;

// Times the networks of notebook 06 outside notebooks (reproducible figures for docs/timing.md). From the repository's top:
//   dotnet run -c Release --project src/LotteryTickets.Timing.Cli -- [--option value ...]
const string ReexecMarker = "LOTTERY_TIMING_REEXEC";

// The options, in the order the usage lists them; parsing checks their types (and --malloc, --subnormals, --form their values).
var batch = ConsoleOptions.Ints("batch");
var threadsOption = ConsoleOptions.Int("threads");
var maskOption = ConsoleOptions.Text("mask");
var nOption = ConsoleOptions.Int("n");
var filterNOption = ConsoleOptions.Int("filter-n");
var seedOption = ConsoleOptions.Int("seed");
var formOption = ConsoleOptions.Enums<OneByOneForm>("form");
var repetitions = ConsoleOptions.Int("repetitions");
var minRepetitions = ConsoleOptions.Int("min-repetitions");
var maxRepetitions = ConsoleOptions.Int("max-repetitions");
var round = ConsoleOptions.Int("round");
var tolerance = ConsoleOptions.Number("tolerance");
var seconds = ConsoleOptions.Number("seconds");
var warmup = ConsoleOptions.Int("warmup");
var mallocOption = ConsoleOptions.OneOf("malloc", ["env", "runtime", "none"]);
var subnormals = ConsoleOptions.OneOf("subnormals", ["flush", "report"]);
var parallel = ConsoleOptions.Int("parallel");
var targetOptionSymbol = ConsoleOptions.Text("target");
var outOption = ConsoleOptions.Text("out");
var nameOption = ConsoleOptions.Text("name");
var root = new RootCommand("Times the ticket family of a target (notebook 06) outside notebooks.")
{
    batch, threadsOption, maskOption, nOption, filterNOption, seedOption, formOption, repetitions, minRepetitions, maxRepetitions, round, tolerance,
    seconds, warmup, mallocOption, subnormals, parallel, targetOptionSymbol, outOption, nameOption,
};
root.SetAction(Time);
return ConsoleProgram.Run(root, args, Usage, Console.Out, Console.Error, e => ConsoleProgram.IsBadInput(e) || e is FormatException);

int Time(ParseResult options)
{
    string malloc = options.GetValue(mallocOption) ?? "env";
    // glibc reads GLIBC_TUNABLES only at start-up, so the only way to set it for this run is to start again with it.
    if (malloc == "env" && OperatingSystem.IsLinux() && !MallocTuning.StartedWithRecommendedTunables && Environment.GetEnvironmentVariable(ReexecMarker) is null)
        return Reexec();

    var env = WorkbookEnvironment.Load();
    int seed = options.GetValue(seedOption) ?? env.Defaults.Seed;
    int n = options.GetValue(nOption) ?? 32;
    int? filterN = options.GetValue(filterNOption);
    var forms = options.OptionalValue(formOption) ?? [OneByOneForm.Gather];
    var timing = new TimingOptions
    {
        BatchSizes = options.OptionalValue(batch) ?? [1, 16, 128],
        Threads = options.GetValue(threadsOption),
        WarmupRepetitions = options.GetValue(warmup) ?? TimingOptions.Default.WarmupRepetitions,
        MinRepetitions = options.GetValue(minRepetitions) ?? TimingOptions.Default.MinRepetitions,
        MaxRepetitions = options.GetValue(maxRepetitions) ?? TimingOptions.Default.MaxRepetitions,
        FixedRepetitions = options.GetValue(repetitions),
        RoundSize = options.GetValue(round) ?? TimingOptions.Default.RoundSize,
        StabilityTolerance = options.GetValue(tolerance) ?? TimingOptions.Default.StabilityTolerance,
        MaxSecondsPerMeasurement = options.GetValue(seconds) ?? TimingOptions.Default.MaxSecondsPerMeasurement,
        InputSeed = seed,
        Subnormals = options.GetValue(subnormals) == "report" ? SubnormalHandling.ReportOnly : SubnormalHandling.Flush,
        TuneMalloc = malloc != "none",
    };
    try { timing.Validate(); }
    catch (ArgumentOutOfRangeException e) when (TimingOptionName(e.ParamName) is string name)
    {
        // Name the console option, not the property behind it.
        string value = e.ActualValue is null ? "" : " " + Convert.ToString(e.ActualValue, CultureInfo.InvariantCulture);
        throw new ArgumentException($"--{name}{value}: {ConsoleProgram.OneLine(e)}", name, e);
    }
    var ticketOptions = TicketOptions.Default with { MaxDegreeOfParallelism = options.GetValue(parallel) ?? Environment.ProcessorCount };

    // A committed target by name (the 3x3 default when absent), or a target JSON by path.
    string targetOption = options.GetValue(targetOptionSymbol) ?? CommittedTargets.Default.Name;
    var (target, info, _, _) = CommittedTargets.LoadNameOrPath(targetOption, env);
    Console.WriteLine($"{target}");
    // The kernel ticket to time: a saved mask (--mask), else one built at --n, else the committed target's committed
    // ticket (data/ticket-NAME-kernel.mask.json, the one notebook 05 measures), else one built at n = 32. A ticket built
    // at a small n may not approximate the target: the construction's summary line says how many slices missed.
    string committedMask = env.ResolvePath($"data/ticket-{targetOption}-kernel.mask.json");
    string? maskPath = options.GetValue(maskOption) is string mask ? env.ResolvePath(mask)
        : options.GetValue(nOption) is null && options.GetValue(seedOption) is null && filterN is null && CommittedTargets.Contains(targetOption) && File.Exists(committedMask) ? committedMask : null;
    if (maskPath is not null && (options.GetValue(nOption) is not null || filterN is not null))
        throw new ArgumentException("--mask fixes the random network (its n and seed); leave out --n and --filter-n (--seed then chooses only the input images).", "mask");
    if (maskPath is not null) Console.WriteLine($"kernel ticket from {maskPath}");
    var set = maskPath is not null ? TicketFamily.FromKernelMask(target, TicketMask.Load(maskPath), ticketOptions)
        : TicketFamily.Build(target, n, seed, ticketOptions, filterN);
    Console.WriteLine(set);
    string commandLine = "dotnet run -c Release --project src/LotteryTickets.Timing.Cli --" + (args.Length > 0 ? " " + string.Join(" ", args) : "");
    string note = $"target {info.WeightsFile}; {commandLine}";
    var progress = new SyncProgress<string>(s => Console.Error.Write($"\r{(s.Length > 150 ? s[..150] : s),-150}"), TimeSpan.FromSeconds(1));
    var report = set.Measure(timing, forms[0], progress, note, extraForms: forms[1..]);
    progress.Flush();
    Console.Error.WriteLine();

    Console.WriteLine();
    Console.WriteLine(report.ToTable());
    Console.WriteLine();
    var speedUps = TicketTiming.SpeedUpsOverMasked(report);
    Console.WriteLine(LotteryTickets.Charts.Table.FromRows(["model", "batch", "MAC ratio", "speed-up", "IQR bounds", "of ideal"],
        speedUps.Select(s => new object?[] { s.Model, s.BatchSize, s.MacRatio, s.SpeedUp, $"{s.SpeedUpLow:F2}-{s.SpeedUpHigh:F2}", s.Efficiency }),
        $"Speed-up over the {TicketFamily.Name(TicketRole.MaskedKernel)}"));
    Console.WriteLine();
    foreach (var s in report.Subnormals) Console.WriteLine($"subnormals: {s}");
    Console.WriteLine($"conditions: {report.Conditions}");
    var (csv, json) = report.Save(options.GetValue(outOption) is string folder ? env.ResolvePath(folder) : null, options.GetValue(nameOption) ?? "timing");
    Console.WriteLine($"wrote {csv} and {json}");
    return 0;
}

static string? TimingOptionName(string? property) => property switch
{
    nameof(TimingOptions.BatchSizes) => "batch",
    nameof(TimingOptions.Threads) => "threads",
    nameof(TimingOptions.WarmupRepetitions) => "warmup",
    nameof(TimingOptions.MinRepetitions) => "min-repetitions",
    nameof(TimingOptions.MaxRepetitions) => "max-repetitions",
    nameof(TimingOptions.FixedRepetitions) => "repetitions",
    nameof(TimingOptions.RoundSize) => "round",
    nameof(TimingOptions.StabilityTolerance) => "tolerance",
    nameof(TimingOptions.MaxSecondsPerMeasurement) => "seconds",
    _ => null,
};

int Reexec()
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
    // Under "dotnet X.dll" the host is dotnet itself and the assembly must be passed again.
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
    foreach (string a in args) start.ArgumentList.Add(a);
    string? existing = MallocTuning.CurrentTunables;
    start.Environment[MallocTuning.EnvironmentVariable] = string.IsNullOrEmpty(existing) ? MallocTuning.RecommendedTunables : existing + ":" + MallocTuning.RecommendedTunables;
    start.Environment[ReexecMarker] = "1";
    Console.Error.WriteLine($"restarting with {MallocTuning.EnvironmentVariable}={start.Environment[MallocTuning.EnvironmentVariable]} (use --malloc runtime or none to skip)");
    using var child = Process.Start(start)!;
    child.WaitForExit();
    return child.ExitCode;
}

partial class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project src/LotteryTickets.Timing.Cli -- [--option value ...]
          Builds the ticket family of the committed target (target, full random network, masked kernel ticket,
          compact kernel and filter tickets, masked unstructured ticket, folded ticket) and times CPU inference.
          --batch 1,16,128        batch sizes
          --threads 1             torch threads (default: environment.json)
          --mask PATH             time the kernel ticket of a saved mask (its random network rebuilt from the mask's n
                                  and seed); default: the committed target's data/ticket-NAME-kernel.mask.json when it
                                  exists and none of --n, --seed, --filter-n is given (the ticket notebook 05 measures)
          --n 32                  hidden channels per input channel of the random network (a ticket built here)
          --filter-n N            n of the filter ticket's random network (default: --n)
          --seed 2023             seed of the random network and of the input images
          --form gather           1x1 form of the compact tickets: gather, grouped or dense; a list (gather,dense,grouped)
                                  also times the compact kernel ticket in the other forms
          --repetitions N         exactly N timed passes per (model, batch) (default: until the median is stable)
          --min-repetitions 10 --max-repetitions 200 --round 5 --tolerance 0.02 --seconds 5 --warmup 3
          --malloc env            env: restart with GLIBC_TUNABLES set (default); runtime: mallopt in this process; none
          --subnormals flush      flush or report
          --parallel P            threads for the ticket construction (default: all processors)
          --target NAME|PATH      a committed target (fashion-mnist-3x3, the default, or fashion-mnist-2x2) or a target JSON
          --out DIR --name timing writes DIR/timing.csv and DIR/timing.json (default artifacts/timing/)
        """;
}
