using LotteryTickets.Statistics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The empirical threshold n*(eps): the smallest n (within the experiment's range) whose estimated
/// success probability P(eps*(X) ≤ eps) is at least 1 - delta, beside the counting lower bound
/// log2((b - a)/(2·eps)) that no sample can beat. Lueker's theorem says n* = O(log 1/eps).
/// </summary>
/// <param name="Eps">The radius eps.</param>
/// <param name="Log2InverseEps">log2(1/eps), the x axis of the scaling plot.</param>
/// <param name="Delta">The allowed failure probability delta.</param>
/// <param name="Threshold">n*(eps), or null when no n up to the experiment's maximum reached 1 - delta.</param>
/// <param name="AtThreshold">The success estimate at n* (null when not reached).</param>
/// <param name="CountingLowerBound">log2((b - a)/(2·eps)): fewer values cannot cover the interval.</param>
public sealed record ThresholdEstimate(double Eps, double Log2InverseEps, double Delta, int? Threshold,
    ProportionEstimate? AtThreshold, double CountingLowerBound)
{
    /// <summary>Reads like "eps = 0.001: n* = 17 (lower bound 9.97), P = 0.905 [...]".</summary>
    public override string ToString() => Threshold is int n
        ? FormattableString.Invariant($"eps = {Eps:G3}: n* = {n} (counting bound {CountingLowerBound:0.##}), P = {AtThreshold}")
        : FormattableString.Invariant($"eps = {Eps:G3}: n* not reached (1 - delta = {1 - Delta:0.###}) within the experiment's n range (counting bound {CountingLowerBound:0.##})");
}
