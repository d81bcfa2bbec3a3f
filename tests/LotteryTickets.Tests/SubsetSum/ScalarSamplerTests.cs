using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum;

public class ScalarSamplerTests
{
    [Theory]
    [InlineData(ValueDistribution.Uniform, 1.0 / 3)]
    [InlineData(ValueDistribution.Normal, 1.0)]
    [InlineData(ValueDistribution.UniformProduct, 1.0 / 9)]
    [InlineData(ValueDistribution.NormalProduct, 1.0)]
    public void Mean_is_zero_and_variance_as_expected(ValueDistribution distribution, double variance)
    {
        const int n = 200_000;
        double[] x = ScalarSampler.Sample(distribution, n, new Random(3));
        double mean = x.Average();
        double var = x.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        // 5 standard errors: sd(mean) = sqrt(var/n); the variance estimate is looser for the heavy-tailed N*N (kurtosis 9).
        Assert.InRange(mean, -5 * Math.Sqrt(variance / n), 5 * Math.Sqrt(variance / n));
        Assert.InRange(var, variance * 0.97, variance * 1.03);
    }

    [Fact]
    public void Uniform_values_stay_in_range()
    {
        Assert.All(ScalarSampler.Sample(ValueDistribution.Uniform, 10_000, new Random(1)), v => Assert.InRange(v, -1.0, 1.0));
        Assert.All(ScalarSampler.Sample(ValueDistribution.UniformProduct, 10_000, new Random(1)), v => Assert.InRange(v, -1.0, 1.0));
    }

    [Fact]
    public void Normal_tail_probability_matches()
    {
        double[] x = ScalarSampler.Sample(ValueDistribution.Normal, 100_000, new Random(5));
        double above = x.Count(v => v > 1.96) / 100_000.0;
        Assert.InRange(above, 0.025 - 0.003, 0.025 + 0.003);
    }

    [Fact]
    public void Same_seed_same_values_and_prefixes_are_samples()
    {
        foreach (var d in Enum.GetValues<ValueDistribution>())
        {
            double[] a = ScalarSampler.Sample(d, 50, new Random(42));
            Assert.Equal(a, ScalarSampler.Sample(d, 50, new Random(42)));
            Assert.Equal(a[..20], ScalarSampler.Sample(d, 20, new Random(42)));
            Assert.NotEqual(a, ScalarSampler.Sample(d, 50, new Random(43)));
        }
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => ScalarSampler.Sample(ValueDistribution.Normal, -1, new Random(1))).ParamName);
        Assert.Equal("distribution", Assert.Throws<ArgumentOutOfRangeException>(() => ScalarSampler.Sample((ValueDistribution)17, 3, new Random(1))).ParamName);
        Assert.Throws<ArgumentNullException>(() => ScalarSampler.Sample(ValueDistribution.Normal, 3, null!));
        Assert.Empty(ScalarSampler.Sample(ValueDistribution.Normal, 0, new Random(1)));
    }
}
