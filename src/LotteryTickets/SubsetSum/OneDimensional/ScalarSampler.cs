using LotteryTickets.Statistics;
namespace LotteryTickets.SubsetSum;

/// <summary>
/// Seeded sampling of i.i.d. scalar values from a <see cref="ValueDistribution"/>. The values depend only
/// on the <see cref="Random"/> passed in (create it with <c>Seeds.Rng(seed, ...)</c>), so the same seed
/// gives the same sample on every run and machine. Values are drawn one after another, so the first
/// <c>k</c> values of a sample of size <c>n</c> are exactly a sample of size <c>k</c> from the same
/// generator state.
/// </summary>
public static class ScalarSampler
{
    /// <summary>
    /// Draws <paramref name="n"/> i.i.d. values from <paramref name="distribution"/>: U[-1,1], N(0,1),
    /// U*U (two independent uniforms) or N*N (two independent normals).
    /// </summary>
    /// <param name="distribution">Which distribution to draw from.</param>
    /// <param name="n">How many values; at least 0, and 8·n bytes must fit in the memory available.</param>
    /// <param name="rng">The random source; it is advanced by the draw.</param>
    /// <returns>A new array of <paramref name="n"/> values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative or needs more memory than the machine has available.</exception>
    public static double[] Sample(ValueDistribution distribution, int n, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (n < 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 0; got {n}.");
        if (n > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at most {Array.MaxLength:N0} (the largest array); got {n:N0}.");
        Workbook.MemoryGuard.Check(sizeof(double) * (double)n, nameof(n), n, $"a sample of {n:N0} values", "draw fewer values");
        var values = new double[n];
        Fill(distribution, values, rng);
        return values;
    }

    /// <summary>Fills <paramref name="destination"/> with i.i.d. values from <paramref name="distribution"/> (same draws as <see cref="Sample"/>).</summary>
    /// <param name="distribution">Which distribution to draw from.</param>
    /// <param name="destination">Where the values go, in draw order.</param>
    /// <param name="rng">The random source; it is advanced by the draw.</param>
    public static void Fill(ValueDistribution distribution, Span<double> destination, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!Enum.IsDefined(distribution))
            throw new ArgumentOutOfRangeException(nameof(distribution), distribution,
                $"distribution must be one of {string.Join(", ", Enum.GetNames<ValueDistribution>())}; got {distribution}.");
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = distribution switch
            {
                ValueDistribution.Uniform => NextUniform(rng),
                ValueDistribution.Normal => NextNormal(rng),
                ValueDistribution.UniformProduct => NextUniform(rng) * NextUniform(rng),
                _ => NextNormal(rng) * NextNormal(rng),
            };
        }
    }

    /// <summary>A short human name of the distribution, for chart legends ("U[-1,1]", "N(0,1)", "U*U", "N*N").</summary>
    /// <param name="distribution">The distribution to name.</param>
    public static string Label(ValueDistribution distribution) => distribution switch
    {
        ValueDistribution.Uniform => "U[-1,1]",
        ValueDistribution.Normal => "N(0,1)",
        ValueDistribution.UniformProduct => "U*U",
        ValueDistribution.NormalProduct => "N*N",
        _ => distribution.ToString(),
    };

    // 2u - 1 with u in [0, 1): uniform on [-1, 1).
    private static double NextUniform(Random rng) => 2.0 * rng.NextDouble() - 1.0;

    // Box–Muller with one draw per call (the partner is discarded) so that each value consumes a fixed
    // number of generator steps: prefixes of a sample stay samples and nothing is cached between calls.
    private static double NextNormal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // in (0, 1]: log is finite
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
