using System.Globalization;
using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// How well a construction approximated its slices, in the numbers a reader asks for: how many slices lie within a given
/// η (a tolerance is a stopping rule of the search, so the share within η is reported for any η, not only the one the
/// search stopped at), the median, the quartiles and the largest error.
/// <code>
/// var errors = SliceErrorSummary.Of(ticket);
/// display($"{errors.Within(0.05)} of {errors.Count} slices within 0.05, median {errors.Median:G3}, largest {errors.Max:G3}");
/// </code>
/// </summary>
public sealed record SliceErrorSummary
{
    private readonly double[] _sorted;

    private SliceErrorSummary(double[] sorted) => _sorted = sorted;

    /// <summary>The summary of <paramref name="ticket"/>'s slices (every layer).</summary>
    public static SliceErrorSummary Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return Of(ticket.Slices);
    }

    /// <summary>The summary of the given slices' max-norm errors.</summary>
    /// <exception cref="ArgumentException">No slice was given, or an error is not a finite non-negative number.</exception>
    public static SliceErrorSummary Of(IEnumerable<SliceResult> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return Of(slices.Select(s => s.Error));
    }

    /// <summary>
    /// The summary of a ticket known only by its folded kernels (for example one rebuilt from a saved mask): one slice
    /// per (layer, output j, input t) and sign, its error the max-norm distance of the folded kernel from K[j, t] (from
    /// -K[j, t] for the kernel applied to relu(-X)). For a constructed ticket these are its slice errors.
    /// </summary>
    /// <exception cref="ArgumentException">The folded layers do not match the target's layers.</exception>
    public static SliceErrorSummary OfFolded(TargetCnn target, IReadOnlyList<FoldedLayer> folded)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Count != target.Kernels.Count)
            throw new ArgumentException($"the target has {target.Kernels.Count} layers; got folded kernels for {folded.Count}.", nameof(folded));
        var errors = new List<double>();
        for (int l = 0; l < folded.Count; l++)
        {
            var kernel = target.Kernels[l];
            int area = target.Architecture.Layers[l].KernelArea;
            if (folded[l].Positive.Length != kernel.Length || folded[l].Negative is { } n && n.Length != kernel.Length)
                throw new ArgumentException($"layer {l} has {kernel.Length} weights; its folded kernels do not.", nameof(folded));
            foreach (var (weights, sign) in new[] { (folded[l].Positive, 1.0), (folded[l].Negative, -1.0) })
                if (weights is not null)
                    for (int slice = 0; slice < kernel.Length / area; slice++)
                    {
                        double worst = 0;
                        for (int e = slice * area; e < (slice + 1) * area; e++) worst = Math.Max(worst, Math.Abs(weights[e] - sign * kernel[e]));
                        errors.Add(worst);
                    }
        }
        return Of(errors);
    }

    /// <summary>The summary of the given errors.</summary>
    /// <exception cref="ArgumentException">No error was given, or one is not a finite non-negative number.</exception>
    public static SliceErrorSummary Of(IEnumerable<double> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var sorted = errors.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("a summary needs at least one slice error; got none.", nameof(errors));
        foreach (double e in sorted)
            if (!(e >= 0) || double.IsInfinity(e))
                throw new ArgumentException($"slice errors are finite and non-negative; got {e.ToString(CultureInfo.InvariantCulture)}.", nameof(errors));
        Array.Sort(sorted);
        return new SliceErrorSummary(sorted);
    }

    /// <summary>Number of slices.</summary>
    public int Count => _sorted.Length;

    /// <summary>The errors in increasing order.</summary>
    public IReadOnlyList<double> Sorted => _sorted;

    /// <summary>The smallest error.</summary>
    public double Min => _sorted[0];

    /// <summary>The largest error.</summary>
    public double Max => _sorted[^1];

    /// <summary>The mean error.</summary>
    public double Mean => _sorted.Average();

    /// <summary>The median error (the mean of the two middle ones for an even count).</summary>
    public double Median => Quantile(0.5);

    /// <summary>The <paramref name="q"/>-quantile with linear interpolation between order statistics (R-7, as spreadsheets compute it).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is not in [0, 1].</exception>
    public double Quantile(double q)
    {
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, $"a quantile level is between 0 and 1; got {q}.");
        double position = q * (_sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, _sorted.Length - 1);
        return _sorted[below] + (position - below) * (_sorted[above] - _sorted[below]);
    }

    /// <summary>Number of slices whose error is at most <paramref name="eta"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eta"/> is negative or not a number.</exception>
    public int Within(double eta)
    {
        if (!(eta >= 0)) throw new ArgumentOutOfRangeException(nameof(eta), eta, $"η is a non-negative error; got {eta}.");
        int index = Array.BinarySearch(_sorted, eta);
        if (index < 0) return ~index;
        while (index + 1 < _sorted.Length && _sorted[index + 1] <= eta) index++;
        return index + 1;
    }

    /// <summary>Share of slices whose error is at most <paramref name="eta"/>, in [0, 1].</summary>
    public double ShareWithin(double eta) => (double)Within(eta) / Count;

    /// <summary>Number of slices whose error is above <paramref name="eta"/>.</summary>
    public int Above(double eta) => Count - Within(eta);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} slices: median error {Median:G3} (quartiles {Quantile(0.25):G3}–{Quantile(0.75):G3}), largest {Max:G3}; {Within(0.05)} within 0.05, {Within(0.1)} within 0.1");
}
