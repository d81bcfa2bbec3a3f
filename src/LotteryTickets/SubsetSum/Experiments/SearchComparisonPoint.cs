namespace LotteryTickets.SubsetSum;

/// <summary>One series at one (d, m) of <see cref="SearchComparison.Run"/>: the median error over the instances, its quartiles, and the median time.</summary>
/// <param name="Series">Which method or reference (<see cref="SearchComparison.Series"/>).</param>
/// <param name="Dimension">d.</param>
/// <param name="Candidates">m, the number of vectors.</param>
/// <param name="MedianError">Median over the instances of the error (max-norm).</param>
/// <param name="LowerQuartile">25th percentile of the error.</param>
/// <param name="UpperQuartile">75th percentile of the error.</param>
/// <param name="MedianMilliseconds">Median time per instance (null for the estimate and the yardstick); depends on the machine.</param>
public sealed record SearchComparisonPoint(string Series, int Dimension, int Candidates, double MedianError, double LowerQuartile, double UpperQuartile,
    double? MedianMilliseconds)
{
    internal static SearchComparisonPoint From(string series, int d, int m, double[] errors, double[]? times)
    {
        double Quantile(double[] values, double q)
        {
            var sorted = values.Order().ToArray();
            double rank = q * (sorted.Length - 1);
            int low = (int)Math.Floor(rank);
            return low + 1 < sorted.Length ? sorted[low] + (rank - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
        }
        return new SearchComparisonPoint(series, d, m, Quantile(errors, 0.5), Quantile(errors, 0.25), Quantile(errors, 0.75),
            times is null ? null : Quantile(times, 0.5));
    }
}
