using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// Bounds on the coverage radius eps*(X) = sup over z in [-1,1]^d of min over S of ||z - Σ_{i∈S} X_i||
/// computed by <see cref="GridCoverage.Bounds"/>: eps* lies in [<paramref name="Lower"/>, <paramref name="Upper"/>].
/// The lower bound is attained at <paramref name="WorstTarget"/>, the centre of the largest "hole" found, whose
/// nearest subset sum is <paramref name="NearestSum"/> (subset <paramref name="NearestSubset"/>).
/// </summary>
/// <param name="Lower">The largest nearest-sum distance over the grid points searched (a lower bound on eps*).</param>
/// <param name="Upper">An upper bound on eps*: every cell's centre distance plus the cell's radius.</param>
/// <param name="WorstTarget">The grid point with the largest nearest-sum distance.</param>
/// <param name="NearestSum">The subset sum nearest to <paramref name="WorstTarget"/>.</param>
/// <param name="NearestSubset">The subset (ascending indices) whose sum is <paramref name="NearestSum"/>.</param>
/// <param name="Resolved">True when Upper - Lower &lt;= the requested resolution; false when the point limit stopped the refinement.</param>
/// <param name="PointsEvaluated">Grid points (cell centres) whose nearest subset sum was searched.</param>
/// <param name="InitialSpacing">The spacing of the starting grid.</param>
/// <param name="Norm">The norm of the error.</param>
public sealed record CoverageBounds(
    double Lower, double Upper, double[] WorstTarget, double[] NearestSum, int[] NearestSubset,
    bool Resolved, long PointsEvaluated, double InitialSpacing, VectorNorm Norm)
{
    /// <summary>The midpoint (Lower + Upper) / 2, a point estimate of eps*.</summary>
    public double Estimate => (Lower + Upper) / 2;

    /// <summary>Reads like "eps* in [0.1012, 0.1032] (Max-norm, 5,120 grid points, resolved)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"eps* in [{Lower:0.####}, {Upper:0.####}] ({Norm}-norm, {PointsEvaluated:N0} grid points, {(Resolved ? "resolved" : "point limit reached")})");
}
