using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The distribution of the coverage radius eps*(X) over the trials of a <see cref="SubsetSumExperiment"/>
/// at one sample size n. Lueker's theorem predicts that the median falls exponentially in n.
/// </summary>
/// <param name="N">Sample size n.</param>
/// <param name="Trials">Number of trials (samples).</param>
/// <param name="Median">Median of eps* over the trials.</param>
/// <param name="LowerQuartile">25% quantile (linear interpolation between order statistics).</param>
/// <param name="UpperQuartile">75% quantile.</param>
/// <param name="Min">Smallest eps* observed.</param>
/// <param name="Max">Largest eps* observed.</param>
/// <param name="GeometricMean">exp(mean of ln eps*); the natural average on a log scale (0 if some eps* is 0).</param>
public sealed record RadiusSummary(int N, int Trials, double Median, double LowerQuartile, double UpperQuartile,
    double Min, double Max, double GeometricMean)
{
    internal static RadiusSummary From(int n, double[] radii)
    {
        var sorted = (double[])radii.Clone();
        Array.Sort(sorted);
        double logSum = 0;
        foreach (double r in sorted) logSum += Math.Log(r);
        return new RadiusSummary(n, sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75),
            sorted[0], sorted[^1], sorted[0] > 0 ? Math.Exp(logSum / sorted.Length) : 0.0);
    }

    // Type-7 quantile (R's default): interpolates between order statistics.
    private static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Reads like "n = 12: median eps* 0.0123 [0.0101, 0.0150] over 200 trials".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n = {N}: median eps* {Median:G4} [quartiles {LowerQuartile:G4}, {UpperQuartile:G4}] over {Trials} trials");
}
