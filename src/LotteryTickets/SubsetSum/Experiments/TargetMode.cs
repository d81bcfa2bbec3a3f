namespace LotteryTickets.SubsetSum;

/// <summary>Which event counts as a success in a multidimensional subset-sum experiment.</summary>
public enum TargetMode
{
    /// <summary>
    /// Every target in [-1,1]^d is eps-approximated (eps*(X) &lt;= eps), checked with <see cref="GridCoverage.Check"/>.
    /// This is the event of the theorems; affordable only in small dimensions (the grid has about (1/eps)^d points).
    /// </summary>
    AllTargets,

    /// <summary>
    /// One target drawn uniformly from [-1,1]^d per trial is eps-approximated, checked with
    /// <see cref="VectorSubsetSum.Solve"/>. A weaker event (a single target), affordable in any dimension.
    /// </summary>
    RandomTarget,
}
