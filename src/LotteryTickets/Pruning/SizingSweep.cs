using System.Diagnostics;
using System.Text.Json;
using LotteryTickets.Networks;
using LotteryTickets.Workbook;

namespace LotteryTickets.Pruning;

/// <summary>
/// The theorem against measurement: for each target and each slice error η, the n per layer the kernel construction needs
/// (<see cref="HiddenSizing.Search"/>) beside the counting bound, then the test accuracy of kernel tickets built at the
/// n chosen for one η on several random networks (seeds), so that a reader sees the spread over draws, not one lucky one.
/// The results carry their provenance and are saved as JSON (<see cref="SizingSweepResult.Save"/>) so that a notebook can
/// draw a committed sweep beside a small fresh run.
/// </summary>
public static class SizingSweep
{
    /// <summary>Largest number of random networks (seeds) per target for the accuracy part.</summary>
    public const int MaxAccuracySeeds = 100;

    /// <summary>Runs the sweep.</summary>
    /// <param name="targets">Named targets (for example the committed 3x3 and 2x2 ones).</param>
    /// <param name="etas">Slice errors η, each in (0, 1).</param>
    /// <param name="accuracyEta">The η whose sized n the accuracy part uses; must be one of <paramref name="etas"/>.</param>
    /// <param name="accuracySeeds">Random networks per target for the accuracy part (seeds <paramref name="seed"/>, +1, ...); 0 skips it.</param>
    /// <param name="seed">Seed of the random network sizing is done on (and the first accuracy seed).</param>
    /// <param name="test">Test images for the accuracy part (null: no accuracies, only slice errors).</param>
    /// <param name="fraction">Share of a layer's slices that must reach η (see <see cref="HiddenSizing.Search"/>).</param>
    /// <param name="maxHiddenPerInput">Largest n tried per layer.</param>
    /// <param name="options">Construction options (the tolerance is replaced by each η).</param>
    /// <param name="command">The command line that produced the sweep, recorded in the provenance.</param>
    /// <param name="progress">Receives a line per step.</param>
    public static SizingSweepResult Run(IReadOnlyList<(string Name, TargetCnn Target)> targets, IReadOnlyList<double> etas, double accuracyEta,
        int accuracySeeds, int seed, ImageSet? test, double fraction = 0.95, int maxHiddenPerInput = 512, TicketOptions? options = null,
        string command = "", IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(etas);
        if (targets.Count == 0) throw new ArgumentException("targets must name at least one target.", nameof(targets));
        if (etas.Count == 0 || etas.Any(e => !(e > 0 && e < 1)))
            throw new ArgumentOutOfRangeException(nameof(etas), string.Join(", ", etas), "etas must be a non-empty list of slice errors in (0, 1).");
        if (accuracySeeds < 0 || accuracySeeds > MaxAccuracySeeds)
            throw new ArgumentOutOfRangeException(nameof(accuracySeeds), accuracySeeds, $"accuracySeeds must be between 0 and {MaxAccuracySeeds}; got {accuracySeeds}.");
        if (accuracySeeds > 0 && !etas.Contains(accuracyEta))
            throw new ArgumentOutOfRangeException(nameof(accuracyEta), accuracyEta, $"accuracyEta must be one of the etas ({string.Join(", ", etas)}); got {accuracyEta}.");
        options ??= TicketOptions.Default;
        string loadStart = LoadAverage();
        var watch = Stopwatch.StartNew();
        var rows = new List<SizingRow>();
        var accuracy = new List<SeedAccuracyRow>();
        foreach (var (name, target) in targets)
        {
            var architecture = target.Architecture;
            int[] slices = architecture.Layers.Select(s => s.OutChannels * s.InChannels).ToArray();
            foreach (double eta in etas)
            {
                var stepWatch = Stopwatch.StartNew();
                var sized = HiddenSizing.Search(target, eta, seed, TicketVariant.Kernel, fraction, maxHiddenPerInput, options,
                    new Progress(s => progress?.Report($"{name}, eta = {eta}: layer {s.Layer + 1}, n = {s.HiddenPerInput}: {s.FractionWithin:P0} of slices within eta, max error {s.MaxError:G3} ({s.Seconds:F1} s)")));
                rows.Add(new SizingRow(name, architecture.Layers[0].KernelSize, eta, HiddenSizing.CountingBound(architecture, eta), sized.HiddenPerInput,
                    sized.Reached, slices, sized.Steps, Math.Round(stepWatch.Elapsed.TotalSeconds, 2)));
            }
            if (accuracySeeds == 0) continue;
            var chosen = rows.Single(r => r.Target == name && r.Eta == accuracyEta).HiddenPerInput;
            double? targetAccuracy = test is null ? null : NetworkEvaluation.Accuracy(target.ToNetwork(), test);
            for (int s = seed; s < seed + accuracySeeds; s++)
            {
                var random = RandomNetwork.Create(architecture, chosen, s);
                var ticket = KernelTicket.Build(target, random, options with { SliceTolerance = accuracyEta });
                int within = ticket.Layers.Sum(l => l.Instances - l.AboveTolerance), instances = ticket.Layers.Sum(l => l.Instances);
                double? ticketAccuracy = test is null ? null : NetworkEvaluation.Accuracy(ticket.Folded(), test);
                var row = new SeedAccuracyRow(name, accuracyEta, s, chosen, within, instances, ticket.MaxSliceError, targetAccuracy, ticketAccuracy,
                    Math.Round(ticket.ConstructionTime.TotalSeconds, 2));
                accuracy.Add(row);
                progress?.Report($"{name}, eta = {accuracyEta}, seed {s}: {within} of {instances} slices within eta, test accuracy {ticketAccuracy:P2} (target {targetAccuracy:P2}), {row.Seconds:F1} s");
            }
        }
        var provenance = new SizingProvenance(command, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            seed, Enumerable.Range(seed, accuracySeeds).ToArray(), fraction, maxHiddenPerInput, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            test?.Count ?? 0, Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, loadStart, LoadAverage(), Math.Round(watch.Elapsed.TotalSeconds, 1));
        return new SizingSweepResult(provenance, rows, accuracy);
    }

    /// <summary>
    /// Candidates per sign that the union bound adds, in the Gaussian picture of <see cref="SubsetSum.OptimumEstimate"/>: if
    /// subsets within η occur like a Poisson process with mean E, one instance fails with probability exp(−E), so all
    /// <paramref name="instances"/> succeed with probability at least 1 − δ once E ≥ ln(instances/δ). The median point has
    /// E = ln 2, and E doubles with every candidate added (2^m subsets), so the union bound costs log₂(ln(instances/δ)/ln 2)
    /// candidates beyond the median: doubly logarithmic in the number of instances. An estimate, not a bound.
    /// </summary>
    /// <param name="instances">Number of subset-sum instances that must all succeed (at least 1).</param>
    /// <param name="delta">Allowed failure probability δ in (0, 1).</param>
    public static double UnionBoundExtraCandidates(long instances, double delta)
    {
        if (instances < 1) throw new ArgumentOutOfRangeException(nameof(instances), instances, $"instances must be at least 1; got {instances}.");
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, $"delta must be in (0, 1); got {delta}.");
        return Math.Log2(Math.Log(instances / delta) / Math.Log(2));
    }

    /// <summary>Kernel-ticket instances (slice, sign) in the first <paramref name="layers"/> layers: one per slice, two where the input may be negative.</summary>
    public static long KernelInstances(TargetArchitecture architecture, int layers)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (layers < 1 || layers > architecture.Layers.Count)
            throw new ArgumentOutOfRangeException(nameof(layers), layers, $"layers must be between 1 and {architecture.Layers.Count}; got {layers}.");
        return Enumerable.Range(0, layers).Sum(l => (long)architecture.Layers[l].OutChannels * architecture.Layers[l].InChannels * (architecture.LayerInputNonNegative(l) ? 1 : 2));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class Progress(Action<SizingStep> report) : IProgress<SizingStep>
    {
        public void Report(SizingStep value) => report(value);
    }
}

/// <summary>One target at one η: the n per layer <see cref="HiddenSizing.Search"/> chose and the counting bound.</summary>
/// <param name="Target">Target name.</param>
/// <param name="KernelSize">d (the target's first layer; the committed targets use one kernel size throughout).</param>
/// <param name="Eta">Slice error η.</param>
/// <param name="CountingBound">Necessary n per layer from counting subsets (<see cref="HiddenSizing.CountingBound"/>).</param>
/// <param name="HiddenPerInput">n chosen per layer.</param>
/// <param name="Reached">Per layer: whether the requested share of slices reached η at that n.</param>
/// <param name="SlicesPerLayer">Kernel slices (c_out·c_in) per layer.</param>
/// <param name="Steps">Every construction tried.</param>
/// <param name="Seconds">Time of the whole search.</param>
public sealed record SizingRow(string Target, int KernelSize, double Eta, IReadOnlyList<int> CountingBound, IReadOnlyList<int> HiddenPerInput,
    IReadOnlyList<bool> Reached, IReadOnlyList<int> SlicesPerLayer, IReadOnlyList<SizingStep> Steps, double Seconds)
{
    /// <summary>The largest n over the layers: what one n for the whole network must be.</summary>
    public int MaxHiddenPerInput => HiddenPerInput.Max();
}

/// <summary>A kernel ticket built on one random network (seed) at the n sized for η, and its test accuracy.</summary>
/// <param name="Target">Target name.</param>
/// <param name="Eta">Slice error η (the construction's tolerance).</param>
/// <param name="Seed">Seed of the random network.</param>
/// <param name="HiddenPerInput">n per layer.</param>
/// <param name="SlicesWithin">Instances whose error reached η.</param>
/// <param name="Slices">All instances.</param>
/// <param name="MaxSliceError">Largest instance error.</param>
/// <param name="TargetAccuracy">The target's test accuracy (null when no test images were given).</param>
/// <param name="TicketAccuracy">The ticket's test accuracy (its folded form computes the same function; null without test images).</param>
/// <param name="Seconds">Construction time.</param>
public sealed record SeedAccuracyRow(string Target, double Eta, int Seed, IReadOnlyList<int> HiddenPerInput, int SlicesWithin, int Slices,
    double MaxSliceError, double? TargetAccuracy, double? TicketAccuracy, double Seconds);

/// <summary>Where a sweep came from: the command, the seeds, the machine and its load.</summary>
/// <param name="Command">The command line.</param>
/// <param name="Utc">When it finished.</param>
/// <param name="Seed">Seed of the random network the sizes were searched on.</param>
/// <param name="AccuracySeeds">Seeds of the random networks of the accuracy part.</param>
/// <param name="Fraction">Share of slices per layer that had to reach η.</param>
/// <param name="MaxHiddenPerInput">Largest n tried.</param>
/// <param name="ConstructionThreads">Threads solving slices.</param>
/// <param name="TestImages">Test images of the accuracy part.</param>
/// <param name="Processors">Logical processors of the machine.</param>
/// <param name="Os">Operating system.</param>
/// <param name="Runtime">.NET runtime.</param>
/// <param name="LoadAverageStart">1, 5 and 15-minute load averages at the start (other work on the machine slows the times).</param>
/// <param name="LoadAverageEnd">The same at the end.</param>
/// <param name="Seconds">Wall time of the whole sweep.</param>
public sealed record SizingProvenance(string Command, string Utc, int Seed, IReadOnlyList<int> AccuracySeeds, double Fraction, int MaxHiddenPerInput,
    int ConstructionThreads, int TestImages, int Processors, string Os, string Runtime, string LoadAverageStart, string LoadAverageEnd, double Seconds);

/// <summary>A sizing sweep: its provenance, the sizes per (target, η) and the accuracies per seed.</summary>
/// <param name="Provenance">Command, seeds, machine.</param>
/// <param name="Sizing">One row per (target, η).</param>
/// <param name="Accuracy">One row per (target, seed).</param>
public sealed record SizingSweepResult(SizingProvenance Provenance, IReadOnlyList<SizingRow> Sizing, IReadOnlyList<SeedAccuracyRow> Accuracy)
{
    /// <summary>Writes the sweep as JSON (strict format, see <see cref="StrictJson"/>).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, StrictJson.Options) + "\n");
    }

    /// <summary>Reads a sweep written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a sizing sweep (the message names the key).</exception>
    public static SizingSweepResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No sizing sweep at {path}; the console writes one with: dotnet run -c Release --project src/LotteryTickets.Train -- sizing", path);
        return StrictJson.Deserialize<SizingSweepResult>(File.ReadAllText(path), path, "sizing sweep");
    }
}
