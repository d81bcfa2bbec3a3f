using LotteryTickets.Statistics;
namespace LotteryTickets.SubsetSum;

/// <summary>
/// Seeded sampling of i.i.d. random vectors X_1..X_n in R^d for multidimensional random subset sum. The
/// vectors depend only on the <see cref="Random"/> passed in (create it with <c>Seeds.Rng(seed, ...)</c>), and
/// they are drawn one after another, so the first k vectors of a sample of n are exactly a sample of k from the
/// same generator state (experiments use this: adding vectors to a trial never changes the earlier ones).
/// <list type="bullet">
/// <item><see cref="Gaussian"/>: X ~ N(0, I_d), the setting of Becchetti et al.</item>
/// <item><see cref="Independent"/>: d independent coordinates from any scalar <see cref="ValueDistribution"/>.</item>
/// <item><see cref="Nsn"/>: normally-scaled normal, X = Z·W with Z ~ N(0,1) and W ~ N(0, I_d) independent (the paper's NSN vectors).</item>
/// <item><see cref="ConvolutionVectorSampler"/>: the vectors |u_i|·vec(V[:, i]) one hidden channel of a random convolution pair offers.</item>
/// </list>
/// </summary>
public abstract class VectorSampler
{
    /// <summary>Creates a sampler of vectors of dimension <paramref name="dimension"/>.</summary>
    /// <param name="dimension">The dimension d, between 1 and <see cref="MaxDimension"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is out of range.</exception>
    protected VectorSampler(int dimension)
    {
        if (dimension <= 0 || dimension > MaxDimension)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension d must be between 1 and {MaxDimension:N0}; got {dimension:N0}.");
        Dimension = dimension;
    }

    /// <summary>Largest dimension accepted: 2^20 coordinates (8 MB per vector), far beyond any subset-sum instance the solvers can search.</summary>
    public const int MaxDimension = 1 << 20;

    /// <summary>The dimension d of the vectors.</summary>
    public int Dimension { get; }

    /// <summary>A short human name for chart legends, e.g. "Gaussian (d = 9)".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The configuration number c with which experiments seed trial t: <c>Seeds.Rng(seed, c, t)</c>. Gaussian
    /// vectors use <c>(int)ValueDistribution.Normal</c> and NSN vectors <c>(int)ValueDistribution.NormalProduct</c>,
    /// the numbers the one-dimensional <see cref="SubsetSumExperiment"/> uses, so that in dimension 1 the vector
    /// experiments draw exactly the values of the scalar ones.
    /// </summary>
    public abstract int SeedConfiguration { get; }

    /// <summary>Draws one vector into <paramref name="destination"/> (length <see cref="Dimension"/>), advancing <paramref name="rng"/>.</summary>
    /// <param name="destination">Where the d coordinates go.</param>
    /// <param name="rng">The random source.</param>
    protected abstract void Draw(Span<double> destination, Random rng);

    /// <summary>Draws one vector.</summary>
    /// <param name="rng">The random source; it is advanced by the draw.</param>
    public double[] Next(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var x = new double[Dimension];
        Draw(x, rng);
        return x;
    }

    /// <summary>Draws <paramref name="n"/> i.i.d. vectors, one after another.</summary>
    /// <param name="n">How many vectors; at least 0, and n·d doubles must fit in the memory available.</param>
    /// <param name="rng">The random source; it is advanced by the draw.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 0, or the vectors need more memory than the machine has available.</exception>
    public double[][] Sample(int n, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (n < 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 0; got {n}.");
        // Each vector is an array of d doubles plus about 24 bytes of array header and reference.
        Workbook.MemoryGuard.Check((double)n * (sizeof(double) * (double)Dimension + 32), nameof(n), n,
            $"{n:N0} vectors of dimension {Dimension:N0}", "draw fewer vectors or use a smaller dimension");
        var vectors = new double[n][];
        for (int i = 0; i < n; i++)
        {
            vectors[i] = new double[Dimension];
            Draw(vectors[i], rng);
        }
        return vectors;
    }

    /// <summary>Draws <paramref name="n"/> vectors from <c>Seeds.Rng(seed)</c>: the same seed gives the same vectors on every machine.</summary>
    /// <param name="n">How many vectors; at least 0.</param>
    /// <param name="seed">The seed.</param>
    public double[][] Sample(int n, int seed) => Sample(n, Seeds.Rng(seed));

    /// <summary>Standard Gaussian vectors N(0, I_d).</summary>
    /// <param name="dimension">The dimension d, at least 1.</param>
    public static GaussianVectorSampler Gaussian(int dimension) => new(dimension);

    /// <summary>Vectors with d independent coordinates from <paramref name="distribution"/> (uniform: the cube [-1,1]^d).</summary>
    /// <param name="distribution">The law of each coordinate.</param>
    /// <param name="dimension">The dimension d, at least 1.</param>
    public static IndependentVectorSampler Independent(ValueDistribution distribution, int dimension) => new(distribution, dimension);

    /// <summary>NSN vectors Z·W with Z ~ N(0,1), W ~ N(0, I_d).</summary>
    /// <param name="dimension">The dimension d, at least 1.</param>
    public static NsnSampler Nsn(int dimension) => new(dimension);

    /// <summary>The sampler's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
