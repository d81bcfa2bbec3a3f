using System.Diagnostics;
using LotteryTickets.Networks;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Pruning;

/// <summary>
/// The loop every construction shares: for each layer, solve the variant's slices in parallel, assemble the layer's mask
/// and report. What differs between the variants is in their <see cref="TicketVariantRules"/>.
/// </summary>
internal static class TicketConstruction
{
    internal static Ticket Build(TicketVariant variant, TargetCnn target, RandomNetwork random, TicketOptions? options,
        IProgress<TicketProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(random);
        var rules = TicketVariantRules.For(variant);
        random.CheckCompatible(target.Architecture, nameof(random));
        options ??= TicketOptions.Default;
        options.Validate();

        var watch = Stopwatch.StartNew();
        var architecture = target.Architecture;
        int total = Enumerable.Range(0, architecture.Layers.Count).Sum(l => Slices(rules, architecture, l).Length), done = 0;
        var slices = new List<SliceResult>(total);
        var masks = new List<LayerMask>();
        var reports = new List<TicketLayerReport>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };

        for (int l = 0; l < architecture.Layers.Count; l++)
        {
            var layerWatch = Stopwatch.StartNew();
            var pair = random.Pairs[l];
            var spec = pair.Target;
            int layer = l;
            var results = SolveLayer(rules, target, pair, layer, random.Seed, options, parallel, () =>
            {
                int now = Interlocked.Increment(ref done);
                progress?.Report(new TicketProgress(variant, layer, now, total, watch.Elapsed));
            });

            masks.Add(rules.Assemble(pair, results));
            slices.AddRange(results);
            reports.Add(Report(rules, pair, layer, results, options.SliceTolerance, layerWatch.Elapsed.TotalSeconds));
            if (results.Any(r => r.EmptyError > 0) && results.All(r => r.EmptyError == 0 || r.Candidates == 0))
                throw new ArgumentOutOfRangeException(nameof(random), pair.HiddenPerInput,
                    $"layer {l}: with n = {pair.HiddenPerInput} hidden channels per input channel no block offers a channel of the needed sign, so no slice can make any progress and the ticket would output zeros there. Use a larger n (the counting bound asks for about {CountingBound(variant, spec, options.SliceTolerance)} channels of each sign for this tolerance).");
        }
        var mask = new TicketMask(variant, architecture, random.HiddenPerInput, random.Seed, masks);
        return new Ticket(variant, target, random, mask, options, slices, reports, watch.Elapsed);
    }

    /// <summary>Solves every slice of one layer in parallel; results are in slice order whatever the thread count.</summary>
    internal static SliceResult[] SolveLayer(TicketVariant variant, TargetCnn target, RandomPair pair, int layer, int seed, TicketOptions options,
        ParallelOptions parallel, Action? solved = null) =>
        SolveLayer(TicketVariantRules.For(variant), target, pair, layer, seed, options, parallel, solved);

    private static SliceResult[] SolveLayer(TicketVariantRules rules, TargetCnn target, RandomPair pair, int layer, int seed, TicketOptions options,
        ParallelOptions parallel, Action? solved)
    {
        var spec = pair.Target;
        // Candidates of block t and sign s: the hidden channels i in B_t whose block weight u_i has sign s.
        var candidates = new int[spec.InChannels, 2][];
        for (int t = 0; t < spec.InChannels; t++)
            for (int side = 0; side < 2; side++)
                candidates[t, side] = Enumerable.Range(t * pair.HiddenPerInput, pair.HiddenPerInput)
                    .Where(i => side == 0 ? pair.BlockWeight(i) > 0 : pair.BlockWeight(i) < 0).ToArray();
        var slices = Slices(rules, target.Architecture, layer);
        var results = new SliceResult[slices.Length];
        Parallel.For(0, slices.Length, parallel, k =>
        {
            results[k] = rules.Solve(target, pair, layer, slices[k], candidates[slices[k].Input, slices[k].Sign > 0 ? 0 : 1], options, seed);
            solved?.Invoke();
        });
        return results;
    }

    /// <summary>
    /// Counting lower bound on channels per sign for one slice (<see cref="ScalingBounds.CountingLowerBound"/> in the
    /// slice's dimension D, rounded up): 2^n subsets must cover [-1, 1]^D in cells of side 2η. A tolerance of 0 (best
    /// effort) is read as 10⁻⁶; one of 1 or more needs no channel at all.
    /// </summary>
    internal static int CountingBound(TicketVariant variant, ConvLayerSpec spec, double tolerance) =>
        tolerance >= 1 ? 0 : (int)Math.Ceiling(ScalingBounds.CountingLowerBound(TicketVariantRules.For(variant).Dimension(spec), Math.Max(tolerance, 1e-6)));

    // Only the positive half is needed where the layer's input is non-negative (after a ReLU, or non-negative images).
    private static TicketVariantRules.Slice[] Slices(TicketVariantRules rules, TargetArchitecture architecture, int layer) =>
        [.. rules.Slices(architecture.Layers[layer], architecture.LayerInputNonNegative(layer) ? [1] : [1, -1])];

    private static TicketLayerReport Report(TicketVariantRules rules, RandomPair pair, int layer, SliceResult[] results, double tolerance, double seconds) =>
        new(layer, pair.HiddenPerInput, results.Length, rules.Dimension(pair.Target),
            results.Average(r => r.Candidates), results.Max(r => r.Error), results.Average(r => r.Error),
            results.Count(r => r.Error > tolerance), results.Count(r => r.Candidates == 0), results.Count(r => r.EmptyError > 0 && r.Kept.Length == 0),
            results.Average(r => r.Kept.Length),
            results.Count(r => r.ProvenOptimal), seconds);
}
