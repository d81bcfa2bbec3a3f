namespace LotteryTickets.SubsetSum;

/// <summary>
/// Standard Gaussian vectors X ~ N(0, I_d): d independent N(0,1) coordinates, the vectors of Becchetti et al.'s
/// multidimensional random subset-sum theorem. Coordinates are drawn with
/// <see cref="ScalarSampler.Fill"/> (<see cref="ValueDistribution.Normal"/>), so in dimension 1 a sample equals
/// the scalar sample <c>ScalarSampler.Sample(ValueDistribution.Normal, n, rng)</c> from the same generator.
/// </summary>
public sealed class GaussianVectorSampler : VectorSampler
{
    /// <summary>Creates the sampler.</summary>
    /// <param name="dimension">The dimension d, at least 1.</param>
    public GaussianVectorSampler(int dimension) : base(dimension) { }

    /// <inheritdoc />
    /// <remarks>Same as the scalar N(0,1) experiments.</remarks>
    public override int SeedConfiguration => (int)ValueDistribution.Normal;

    /// <inheritdoc />
    public override string Name => $"Gaussian (d = {Dimension})";

    /// <inheritdoc />
    protected override void Draw(Span<double> destination, Random rng) =>
        ScalarSampler.Fill(ValueDistribution.Normal, destination, rng);
}
