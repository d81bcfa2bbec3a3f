namespace LotteryTickets.SubsetSum;

/// <summary>
/// Normally-scaled normal (NSN) vectors X = Z·W, with Z ~ N(0,1) and W ~ N(0, I_d) independent: d normal
/// coordinates that share one random scale. The coordinates are uncorrelated (E[X_a X_b] = 0 for a ≠ b) but
/// not independent: a small |Z| makes every coordinate small at once. This is the law of the vectors
/// |u_i|·vec(V[j,i]) that a random convolution pair offers (theory section 3), and the paper proves its
/// multidimensional subset-sum lemma for it. Z is drawn first, then W_1..W_d, all with
/// <see cref="ScalarSampler.Fill"/>; in dimension 1 a sample equals
/// <c>ScalarSampler.Sample(ValueDistribution.NormalProduct, n, rng)</c> from the same generator.
/// </summary>
public sealed class NsnSampler : VectorSampler
{
    /// <summary>Creates the sampler.</summary>
    /// <param name="dimension">The dimension d, at least 1.</param>
    public NsnSampler(int dimension) : base(dimension) { }

    /// <inheritdoc />
    /// <remarks>Same as the scalar N*N experiments.</remarks>
    public override int SeedConfiguration => (int)ValueDistribution.NormalProduct;

    /// <inheritdoc />
    public override string Name => $"NSN (d = {Dimension})";

    /// <inheritdoc />
    protected override void Draw(Span<double> destination, Random rng)
    {
        Span<double> z = stackalloc double[1];
        ScalarSampler.Fill(ValueDistribution.Normal, z, rng);
        ScalarSampler.Fill(ValueDistribution.Normal, destination, rng);
        for (int c = 0; c < destination.Length; c++) destination[c] = z[0] * destination[c];
    }
}
