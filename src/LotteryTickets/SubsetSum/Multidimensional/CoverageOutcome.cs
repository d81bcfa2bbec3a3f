namespace LotteryTickets.SubsetSum;

/// <summary>The verdict of <see cref="GridCoverage.Check"/> on "every target in [-1,1]^d is within eps of a subset sum".</summary>
public enum CoverageOutcome
{
    /// <summary>Proven: every cell of the (refined) grid was certified, so eps*(X) &lt;= eps.</summary>
    Covered,

    /// <summary>Proven: a grid point has no subset sum within eps, so eps*(X) &gt; eps.</summary>
    NotCovered,

    /// <summary>The point limit (or the finest cell size) was reached before a proof either way; eps*(X) is within a hair of eps.</summary>
    Undetermined,
}
