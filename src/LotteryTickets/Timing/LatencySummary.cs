using MathNet.Numerics.Statistics;

namespace LotteryTickets.Timing;

/// <summary>
/// Robust summary of latency samples: median and quartiles (linear interpolation between order statistics,
/// definition R-7, the one NumPy and Excel use), minimum and count. Medians and interquartile ranges resist the
/// occasional slow repetition caused by other processes, which means and standard deviations do not.
/// </summary>
/// <param name="Count">Number of samples.</param>
/// <param name="Median">Median.</param>
/// <param name="LowerQuartile">First quartile (25th percentile).</param>
/// <param name="UpperQuartile">Third quartile (75th percentile).</param>
/// <param name="Min">Smallest sample.</param>
public sealed record LatencySummary(int Count, double Median, double LowerQuartile, double UpperQuartile, double Min)
{
    /// <summary>Interquartile range, <c>UpperQuartile − LowerQuartile</c>.</summary>
    public double InterquartileRange => UpperQuartile - LowerQuartile;

    /// <summary>Summarises <paramref name="samples"/>.</summary>
    /// <exception cref="ArgumentException">No samples, or a sample is negative or not finite.</exception>
    public static LatencySummary Of(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        double[] sorted = samples.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("need at least one sample.", nameof(samples));
        foreach (double s in sorted)
            if (!double.IsFinite(s) || s < 0) throw new ArgumentException($"samples must be finite and non-negative; got {s}.", nameof(samples));
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length,
            SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7),
            sorted[0]);
    }
}
