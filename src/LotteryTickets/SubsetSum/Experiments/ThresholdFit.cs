using LotteryTickets.Statistics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The empirical thresholds n*(eps) for several eps and the least-squares line n* ≈ Slope·log2(1/eps) + Intercept
/// through those that were reached. A good straight-line fit is the measured form of Lueker's
/// "n = O(log 1/eps)"; the counting bound has slope exactly 1, so the fitted slope is at least about 1.
/// </summary>
/// <param name="Points">One estimate per eps, in the order given (thresholds not reached have a null Threshold and are left out of the fit).</param>
/// <param name="Fit">The least-squares line of n* against log2(1/eps).</param>
public sealed record ThresholdFit(IReadOnlyList<ThresholdEstimate> Points, LinearFit Fit)
{
    /// <summary>Reads like "n* = 1.1·log2(1/eps) + 6.2 (R² = 0.99, 5 of 5 eps reached)".</summary>
    public override string ToString() => FormattableString.Invariant(
        $"n* ≈ {Fit.Slope:0.###}·log2(1/eps) {(Fit.Intercept < 0 ? "-" : "+")} {Math.Abs(Fit.Intercept):0.###} (R² = {Fit.RSquared:0.####}; {Fit.Count} of {Points.Count} eps reached)");
}
