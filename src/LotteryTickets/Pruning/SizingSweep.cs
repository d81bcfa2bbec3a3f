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
        string loadStart = MachineFacts.LoadAverage();
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
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, loadStart, MachineFacts.LoadAverage(), Math.Round(watch.Elapsed.TotalSeconds, 1));
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


    private sealed class Progress(Action<SizingStep> report) : IProgress<SizingStep>
    {
        public void Report(SizingStep value) => report(value);
    }
}
