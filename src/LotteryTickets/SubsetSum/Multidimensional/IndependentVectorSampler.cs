namespace LotteryTickets.SubsetSum;

/// <summary>
/// Vectors with d independent coordinates from one of the scalar distributions of the one-dimensional problem
/// (<see cref="ValueDistribution"/>): for example uniform in the cube [-1,1]^d. Coordinates are drawn with
/// <see cref="ScalarSampler.Fill"/> and experiments seed with <c>(int)distribution</c>, so in dimension 1 every
/// number equals the one-dimensional experiment's (<see cref="SubsetSumExperiment"/>) for the same seed.
/// <see cref="GaussianVectorSampler"/> is the case <see cref="ValueDistribution.Normal"/>.
/// </summary>
public sealed class IndependentVectorSampler : VectorSampler
{
    /// <summary>Creates the sampler.</summary>
    /// <param name="distribution">The law of each coordinate.</param>
    /// <param name="dimension">The dimension d, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The distribution is not defined or d &lt;= 0.</exception>
    public IndependentVectorSampler(ValueDistribution distribution, int dimension) : base(dimension)
    {
        if (!Enum.IsDefined(distribution))
            throw new ArgumentOutOfRangeException(nameof(distribution), distribution,
                $"distribution must be one of {string.Join(", ", Enum.GetNames<ValueDistribution>())}; got {distribution}.");
        Distribution = distribution;
    }

    /// <summary>The law of each coordinate.</summary>
    public ValueDistribution Distribution { get; }

    /// <inheritdoc />
    /// <remarks>The scalar experiments' number for the same distribution.</remarks>
    public override int SeedConfiguration => (int)Distribution;

    /// <inheritdoc />
    public override string Name => $"{ScalarSampler.Label(Distribution)} coordinates (d = {Dimension})";

    /// <inheritdoc />
    protected override void Draw(Span<double> destination, Random rng) => ScalarSampler.Fill(Distribution, destination, rng);
}
