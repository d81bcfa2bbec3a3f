using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// What exists, estimated: how many subsets of m vectors X_1..X_m in R^d have a sum within η of a target z, and the
/// median error of the best one, from the Gaussian approximation of a uniformly random subset sum.
/// <para>
/// Each of the 2^m subsets is a coin flip per vector, so the sum of a uniformly random subset has mean μ = Σ X_i / 2 and
/// covariance Σ = Σ X_i X_iᵀ / 4. Treating it as Gaussian, the expected number of subsets whose sum lies within η of z is
/// E(η) ≈ 2^m · φ_{μ,Σ}(z) · vol(η), where vol(η) = (2η)^d for the max-norm (a cube) and the volume of the d-ball of radius
/// η for the Euclidean norm, valid while that ball is small against Σ. If good subsets occur like a Poisson process,
/// P(no subset within η) ≈ exp(−E(η)), so the best subset's error has median η* with E(η*) = ln 2.
/// </para>
/// <para>
/// It is an estimate, not a bound: against exact optima (m = 24–32, d = 9, NSN vectors) it falls within a factor of 2 of
/// the median. It shows how far a search is from what exists: at m = 128 in dimension 9 the best subset is typically
/// near 10⁻³ while no practical search gets below a few hundredths.
/// </para>
/// </summary>
public static class OptimumEstimate
{
    /// <summary>ln E(η): the natural log of the expected number of subsets within <paramref name="eta"/> of the target.</summary>
    /// <param name="vectors">The vectors X_1..X_m (m &gt;= d, spanning R^d; finite).</param>
    /// <param name="target">The target z (dimension d &gt;= 1, finite).</param>
    /// <param name="eta">The error η &gt; 0.</param>
    /// <param name="norm">The norm of the error.</param>
    /// <exception cref="ArgumentException">Mismatched dimensions, non-finite values, or vectors that do not span R^d.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eta"/> is not a positive finite number.</exception>
    public static double LogExpectedCount(IReadOnlyList<double[]> vectors, double[] target, double eta, VectorNorm norm = VectorNorm.Max)
    {
        if (!(eta > 0) || !double.IsFinite(eta))
            throw new ArgumentOutOfRangeException(nameof(eta), eta, $"eta must be a positive finite number; got {eta}.");
        double logDensity = LogDensity(vectors, target);
        int d = target.Length;
        return vectors.Count * Math.Log(2) + logDensity + LogVolume(d, norm) + d * Math.Log(eta);
    }

    /// <summary>E(η): the expected number of subsets within <paramref name="eta"/> of the target (may be astronomically large or small).</summary>
    /// <inheritdoc cref="LogExpectedCount" path="/param"/>
    public static double ExpectedCount(IReadOnlyList<double[]> vectors, double[] target, double eta, VectorNorm norm = VectorNorm.Max) =>
        Math.Exp(LogExpectedCount(vectors, target, eta, norm));

    /// <summary>
    /// η*: the estimated median error of the best subset, where the expected number of subsets within η* is ln 2.
    /// </summary>
    /// <param name="vectors">The vectors X_1..X_m (m &gt;= d, spanning R^d; finite).</param>
    /// <param name="target">The target z (dimension d &gt;= 1, finite).</param>
    /// <param name="norm">The norm of the error.</param>
    /// <exception cref="ArgumentException">Mismatched dimensions, non-finite values, or vectors that do not span R^d.</exception>
    public static double MedianError(IReadOnlyList<double[]> vectors, double[] target, VectorNorm norm = VectorNorm.Max)
    {
        double logDensity = LogDensity(vectors, target);
        int d = target.Length;
        // m ln 2 + ln φ + ln vol(1) + d ln η = ln ln 2
        return Math.Exp((Math.Log(Math.Log(2)) - vectors.Count * Math.Log(2) - logDensity - LogVolume(d, norm)) / d);
    }

    /// <summary>ln of the volume of the unit ball: 2^d for the max-norm cube, π^(d/2) / Γ(d/2 + 1) for the Euclidean ball.</summary>
    private static double LogVolume(int d, VectorNorm norm) => norm switch
    {
        VectorNorm.Max => d * Math.Log(2),
        VectorNorm.Euclidean => d / 2.0 * Math.Log(Math.PI) - SpecialFunctions.GammaLn(d / 2.0 + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(norm), norm, $"norm must be Max or Euclidean; got {norm}."),
    };

    /// <summary>ln φ_{μ,Σ}(z), the Gaussian density of a uniformly random subset sum at the target.</summary>
    private static double LogDensity(IReadOnlyList<double[]> vectors, double[] target)
    {
        int d = VectorSubsetSum.ValidateInstance(vectors, target);
        int m = vectors.Count;
        if (m < d)
            throw new ArgumentException(
                $"The Gaussian estimate needs at least d = {d} vectors spanning R^d (otherwise the subset sums lie in a subspace); got m = {m}.",
                nameof(vectors));
        var covariance = Matrix<double>.Build.Dense(d, d);
        var delta = Vector<double>.Build.Dense(d);
        for (int c = 0; c < d; c++) delta[c] = target[c];
        foreach (double[] x in vectors)
            for (int a = 0; a < d; a++)
            {
                delta[a] -= x[a] / 2;
                for (int b = 0; b <= a; b++) covariance[a, b] += x[a] * x[b] / 4;
            }
        for (int a = 0; a < d; a++)
            for (int b = 0; b < a; b++) covariance[b, a] = covariance[a, b];
        var notSpanning = new ArgumentException(
            $"The vectors do not span R^{d}: their subset sums lie in a subspace, where the Gaussian estimate does not apply.", nameof(vectors));
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;
        try
        {
            cholesky = covariance.Cholesky();
        }
        catch (ArgumentException)
        {
            throw notSpanning;
        }
        double logDet = cholesky.DeterminantLn;
        double largest = Math.Sqrt(covariance.Diagonal().Max());
        if (!double.IsFinite(logDet) || cholesky.Factor.Diagonal().Any(v => !(v > 1e-12 * largest))) throw notSpanning;
        double mahalanobis = delta.DotProduct(cholesky.Solve(delta));
        return -d / 2.0 * Math.Log(2 * Math.PI) - logDet / 2 - mahalanobis / 2;
    }
}
