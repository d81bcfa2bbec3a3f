namespace LotteryTickets.SubsetSum;

/// <summary>
/// The curves the measured thresholds n*(d, eps) are compared with in multidimensional random subset sum
/// (targets in [-1,1]^d, max-norm error).
/// <list type="bullet">
/// <item><b>Counting lower bound</b> (derived, exact): the max-norm ball of radius eps is a cube of side 2·eps,
/// so covering the cube [-1,1]^d of side 2 needs at least (2/(2·eps))^d = (1/eps)^d points, while n vectors
/// have at most 2^n subset sums: n &gt;= d·log2(1/eps). In d = 1 this is
/// <see cref="CoverageRadius.CountingLowerBound"/>. (Some notes write d·log2(1/(2·eps)); that undercounts by d
/// because it uses a cube of side 1.)</item>
/// <item><b>Polynomial upper bound, shape only</b>: Becchetti et al. prove that
/// n = O(d³·log(1/eps)·(log(1/eps) + log d)) Gaussian vectors suffice with high probability. The constant
/// hidden in the O is not known explicitly, so <see cref="UpperBoundShape"/> returns the expression without it;
/// charts must scale it by a stated, arbitrary constant (for example one that matches a measured point) and say so.</item>
/// </list>
/// </summary>
public static class ScalingBounds
{
    /// <summary>d·log2(1/eps): fewer vectors cannot eps-cover [-1,1]^d in the max-norm, whatever their values.</summary>
    /// <param name="dimension">The dimension d &gt;= 1.</param>
    /// <param name="epsilon">The tolerance, 0 &lt; eps &lt; 1.</param>
    public static double CountingLowerBound(int dimension, double epsilon)
    {
        Check(dimension, epsilon);
        return dimension * Math.Log2(1.0 / epsilon);
    }

    /// <summary>
    /// 2^(−n/d): the counting bound read the other way, as an error. n vectors have at most 2^n subset sums, and cubes of
    /// side 2·eps around them cover [-1,1]^d only if eps &gt;= 2^(−n/d); an even spread of 2^n sums would leave a typical target
    /// about that far from the nearest one. Random sums are not evenly spread, so it is a yardstick, not a guarantee.
    /// </summary>
    /// <param name="dimension">The dimension d &gt;= 1.</param>
    /// <param name="n">The number of vectors n &gt;= 0.</param>
    public static double CountingErrorBound(int dimension, int n)
    {
        if (dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension d must be at least 1; got {dimension}.");
        if (n < 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 0; got {n}.");
        return Math.Pow(2, -(double)n / dimension);
    }

    /// <summary>
    /// d³·ln(1/eps)·(ln(1/eps) + ln d), the shape of Becchetti et al.'s sufficient n for Gaussian vectors, WITHOUT its
    /// unknown constant (natural logarithms; a change of base only changes that constant).
    /// </summary>
    /// <param name="dimension">The dimension d &gt;= 1.</param>
    /// <param name="epsilon">The tolerance, 0 &lt; eps &lt; 1.</param>
    public static double UpperBoundShape(int dimension, double epsilon)
    {
        Check(dimension, epsilon);
        double logInverse = Math.Log(1.0 / epsilon);
        return Math.Pow(dimension, 3) * logInverse * (logInverse + Math.Log(dimension));
    }

    private static void Check(int dimension, double epsilon)
    {
        if (dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension d must be at least 1; got {dimension}.");
        if (!(epsilon > 0 && epsilon < 1))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be strictly between 0 and 1; got {epsilon}.");
    }
}
