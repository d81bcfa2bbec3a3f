using System.Diagnostics;
using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// Chooses the over-parameterization n (hidden channels per input channel) of each layer from a target slice error η.
/// <see cref="CountingBound"/> is the necessary size from counting subsets; <see cref="Search"/> measures the size the
/// construction actually needs with this solver, layer by layer, on a growing ladder of n. Layer l's random weights
/// depend only on (seed, l), so each layer can be sized on its own and the sizes combined into one random network.
/// </summary>
public static class HiddenSizing
{
    /// <summary>Factor between consecutive n of the search ladder (rounded up to a multiple of 4).</summary>
    public const double LadderFactor = 1.25;

    /// <summary>
    /// The counting lower bound per layer: a block half of c channels offers 2^c subsets, and covering [−1, 1]^D in
    /// max-norm cells of side 2η needs (1/η)^D of them, so c ≥ D·log₂(1/η) channels of each sign and n ≈ 2c
    /// (D = d² for the kernel variant, c_out·d² for the filter variant, 1 for the unstructured baseline). Necessary,
    /// not sufficient: random sums are not evenly spaced and the solver may not find the best subset.
    /// </summary>
    public static int[] CountingBound(TargetArchitecture architecture, double sliceError, TicketVariant variant = TicketVariant.Kernel)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        CheckError(sliceError);
        return architecture.Layers.Select(s => Math.Max(RandomNetwork.MinHiddenPerInput, 2 * TicketConstruction.CountingBound(variant, s, sliceError))).ToArray();
    }

    /// <summary>
    /// For each layer, the smallest n on the ladder (starting at half the counting bound, growing by <see cref="LadderFactor"/>)
    /// at which at least <paramref name="fraction"/> of the layer's slices reach <paramref name="sliceError"/>, or
    /// <paramref name="maxHiddenPerInput"/> when none does (then <see cref="HiddenSizingResult.Reached"/> is false for that layer).
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="sliceError">η, the max-norm error each slice should reach (also the construction's stopping tolerance).</param>
    /// <param name="seed">Seed of the random network the sizes are meant for.</param>
    /// <param name="variant">Which construction to size for.</param>
    /// <param name="fraction">Share of slices that must reach η (1: all of them).</param>
    /// <param name="maxHiddenPerInput">Largest n tried per layer.</param>
    /// <param name="options">Other construction options (the tolerance is replaced by <paramref name="sliceError"/>).</param>
    /// <param name="progress">Receives every step of the ladder.</param>
    public static HiddenSizingResult Search(TargetCnn target, double sliceError, int seed, TicketVariant variant = TicketVariant.Kernel, double fraction = 0.95,
        int maxHiddenPerInput = 512, TicketOptions? options = null, IProgress<SizingStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckError(sliceError);
        if (!(fraction > 0) || fraction > 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"fraction must be in (0, 1]; got {fraction}.");
        if (maxHiddenPerInput < RandomNetwork.MinHiddenPerInput || maxHiddenPerInput > ConvLayerSpec.MaxChannels)
            throw new ArgumentOutOfRangeException(nameof(maxHiddenPerInput), maxHiddenPerInput,
                $"maxHiddenPerInput must be between {RandomNetwork.MinHiddenPerInput} and {ConvLayerSpec.MaxChannels}; got {maxHiddenPerInput}.");
        options = (options ?? TicketOptions.Default) with { SliceTolerance = sliceError };
        options.Validate();
        var architecture = target.Architecture;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        int[] bound = CountingBound(architecture, sliceError, variant);
        var chosen = new int[architecture.Layers.Count];
        var reached = new bool[chosen.Length];
        var steps = new List<SizingStep>();
        for (int l = 0; l < chosen.Length; l++)
        {
            int n = Math.Clamp(bound[l] / 2, RandomNetwork.MinHiddenPerInput, maxHiddenPerInput);
            while (true)
            {
                var watch = Stopwatch.StartNew();
                // Only layer l's pair matters; the other layers get the smallest n (their weights do not depend on layer l's).
                var sizes = Enumerable.Repeat(RandomNetwork.MinHiddenPerInput, chosen.Length).ToArray();
                sizes[l] = n;
                var pair = RandomNetwork.Create(architecture, sizes, seed).Pairs[l];
                var results = TicketConstruction.SolveLayer(variant, target, pair, l, seed, options, parallel);
                double within = results.Count(r => r.Error <= sliceError) / (double)results.Length;
                var step = new SizingStep(l, n, within, results.Max(r => r.Error), results.Average(r => r.Error), watch.Elapsed.TotalSeconds);
                steps.Add(step);
                progress?.Report(step);
                if (within >= fraction) { (chosen[l], reached[l]) = (n, true); break; }
                if (n >= maxHiddenPerInput) { chosen[l] = n; break; }
                n = Math.Min(maxHiddenPerInput, (int)Math.Ceiling(n * LadderFactor / 4) * 4);
            }
        }
        return new HiddenSizingResult(chosen, reached, steps);
    }

    private static void CheckError(double sliceError)
    {
        if (!(sliceError > 0) || sliceError >= 1)
            throw new ArgumentOutOfRangeException(nameof(sliceError), sliceError, $"sliceError must be in (0, 1); got {sliceError}.");
    }
}
