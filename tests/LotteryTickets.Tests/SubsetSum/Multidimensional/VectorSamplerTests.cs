using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

public class VectorSamplerTests
{
    [Fact]
    public void In_one_dimension_the_samplers_draw_the_scalar_samplers_values()
    {
        double[][] gaussian = VectorSampler.Gaussian(1).Sample(50, new Random(5));
        Assert.Equal(ScalarSampler.Sample(ValueDistribution.Normal, 50, new Random(5)), gaussian.Select(x => x[0]));
        double[][] nsn = VectorSampler.Nsn(1).Sample(50, new Random(6));
        Assert.Equal(ScalarSampler.Sample(ValueDistribution.NormalProduct, 50, new Random(6)), nsn.Select(x => x[0]));
        foreach (var distribution in Enum.GetValues<ValueDistribution>())
        {
            var sampler = VectorSampler.Independent(distribution, 1);
            Assert.Equal(ScalarSampler.Sample(distribution, 30, new Random(9)), sampler.Sample(30, new Random(9)).Select(x => x[0]));
            Assert.Equal((int)distribution, sampler.SeedConfiguration);
        }
        Assert.Equal(VectorSampler.Gaussian(3).Sample(10, 4), VectorSampler.Independent(ValueDistribution.Normal, 3).Sample(10, 4));
        Assert.Equal((int)ValueDistribution.Normal, VectorSampler.Gaussian(4).SeedConfiguration);
        Assert.Equal((int)ValueDistribution.NormalProduct, VectorSampler.Nsn(4).SeedConfiguration);
    }

    [Fact]
    public void Same_seed_same_vectors_and_prefixes_are_samples()
    {
        VectorSampler[] samplers = [VectorSampler.Gaussian(3), VectorSampler.Nsn(9), new ConvolutionVectorSampler(3, 2)];
        foreach (var sampler in samplers)
        {
            var a = sampler.Sample(20, 42);
            var b = sampler.Sample(20, Seeds.Rng(42));
            Assert.Equal(a, b);
            Assert.Equal(a.Take(7), sampler.Sample(7, 42));
            Assert.All(a, x => Assert.Equal(sampler.Dimension, x.Length));
        }
    }

    [Fact]
    public void Nsn_coordinates_are_uncorrelated_but_share_their_scale()
    {
        // E[X_a X_b] = 0 for both; the squares are correlated only for NSN (Cov(Z²W_a², Z²W_b²) = E Z⁴ - 1 = 2).
        const int n = 40000;
        foreach (var (sampler, sharedScale) in new[] { ((VectorSampler)VectorSampler.Nsn(2), true), (VectorSampler.Gaussian(2), false) })
        {
            double[][] x = sampler.Sample(n, 11);
            double product = x.Average(v => v[0] * v[1]);
            double squares = x.Average(v => v[0] * v[0] * v[1] * v[1]) - x.Average(v => v[0] * v[0]) * x.Average(v => v[1] * v[1]);
            Assert.InRange(product, -0.06, 0.06);
            Assert.InRange(x.Average(v => v[0] * v[0]), 0.9, 1.1);
            if (sharedScale) Assert.InRange(squares, 1.3, 2.7); else Assert.InRange(squares, -0.3, 0.3);
        }
    }

    [Fact]
    public void Convolution_vectors_are_scaled_kernels_split_by_the_sign_of_u()
    {
        var sampler = new ConvolutionVectorSampler(kernelSize: 3, outputChannels: 2);
        Assert.Equal(18, sampler.Dimension);
        var block = sampler.SampleBlock(40, new Random(8));
        Assert.Equal(sampler.Sample(40, new Random(8)), block.Vectors);
        Assert.Equal(40, block.PositiveChannels.Length + block.NegativeChannels.Length);
        Assert.All(block.PositiveChannels, i => Assert.True(block.U[i] > 0));
        Assert.All(block.NegativeChannels, i => Assert.True(block.U[i] < 0));
        Assert.Equal(block.PositiveChannels.Select(i => block.Vectors[i]), block.Positive);
        // vector i is |u_i|·V[:, i]: replay the draws of channel 0 (u first, then the 18 kernel entries).
        var rng = new Random(8);
        double u = ScalarSampler.Sample(ValueDistribution.Normal, 1, rng)[0];
        double[] v = ScalarSampler.Sample(ValueDistribution.Normal, 18, rng);
        Assert.Equal(u, block.U[0]);
        Assert.Equal(v.Select(e => Math.Abs(u) * e), block.Vectors[0]);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSampler.Gaussian(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSampler.Nsn(-2));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSampler.Independent((ValueDistribution)42, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvolutionVectorSampler(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvolutionVectorSampler(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSampler.Gaussian(2).Sample(-1, 1));
        Assert.Throws<ArgumentNullException>(() => VectorSampler.Gaussian(2).Sample(3, (Random)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvolutionVectorSampler(3).SampleBlock(-1, new Random(1)));
    }
}
