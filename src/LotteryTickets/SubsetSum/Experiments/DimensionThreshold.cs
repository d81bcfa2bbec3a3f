using LotteryTickets.Statistics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The empirical threshold n*(d, eps) of multidimensional random subset sum: the smallest n (within the
/// experiment's range) whose estimated success probability is at least 1 - delta, beside the counting lower
/// bound d·log2(1/eps) and the (constant-free) shape d³·ln(1/eps)·(ln(1/eps) + ln d) of the proven upper bound
/// (see <see cref="ScalingBounds"/>).
/// </summary>
/// <param name="Distribution">The sampler's name.</param>
/// <param name="Dimension">The dimension d.</param>
/// <param name="Eps">The tolerance eps.</param>
/// <param name="Mode">All targets or one random target per trial.</param>
/// <param name="Delta">The allowed failure probability delta.</param>
/// <param name="Threshold">n*(d, eps), or null when no n up to the experiment's maximum reached 1 - delta.</param>
/// <param name="AtThreshold">The success estimate at n* (null when not reached).</param>
/// <param name="CountingLowerBound">d·log2(1/eps).</param>
/// <param name="UpperBoundShape">d³·ln(1/eps)·(ln(1/eps) + ln d), without its unknown constant.</param>
public sealed record DimensionThreshold(string Distribution, int Dimension, double Eps, TargetMode Mode, double Delta, int? Threshold,
    ProportionEstimate? AtThreshold, double CountingLowerBound, double UpperBoundShape)
{
    /// <summary>Reads like "NSN (d = 2), eps = 0.1: n* = 12 (counting bound 6.64), P = 0.92 [...]".</summary>
    public override string ToString() => Threshold is int n
        ? FormattableString.Invariant($"{Distribution}, eps = {Eps:G3}: n* = {n} (counting bound {CountingLowerBound:0.##}), P = {AtThreshold}")
        : FormattableString.Invariant($"{Distribution}, eps = {Eps:G3}: n* not reached (1 - delta = {1 - Delta:0.###}) within the experiment's n range (counting bound {CountingLowerBound:0.##})");
}
