using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

public class OptimumEstimateTests
{
    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void The_estimated_median_is_within_a_factor_of_two_of_exact_optima(int m)
    {
        // 15 seeded NSN instances in dimension 9 with targets uniform in [-0.5, 0.5]^9; exact optima by meet in the middle.
        var exact = new List<double>();
        var estimate = new List<double>();
        for (int i = 0; i < 15; i++)
        {
            var rng = Seeds.Rng(77, m, i);
            var vectors = VectorSampler.Nsn(9).Sample(m, rng);
            double[] target = [.. Enumerable.Range(0, 9).Select(_ => rng.NextDouble() - 0.5)];
            var best = VectorSubsetSum.Solve(vectors, target, new() { Method = VectorSubsetSumMethod.Exact });
            Assert.True(best.ProvenOptimal);
            exact.Add(best.Error);
            estimate.Add(OptimumEstimate.MedianError(vectors, target));
        }
        double ratio = estimate.Order().ElementAt(7) / exact.Order().ElementAt(7);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public void The_count_at_the_median_error_is_ln_2_and_grows_as_eta_to_the_d()
    {
        var vectors = VectorSampler.Nsn(4).Sample(40, 5);
        double[] target = [0.1, -0.2, 0.3, 0];
        double median = OptimumEstimate.MedianError(vectors, target);
        Assert.Equal(Math.Log(2), OptimumEstimate.ExpectedCount(vectors, target, median), 9);
        Assert.Equal(16 * Math.Log(2), OptimumEstimate.ExpectedCount(vectors, target, 2 * median), 6);
        double euclidean = OptimumEstimate.MedianError(vectors, target, VectorNorm.Euclidean);
        Assert.True(euclidean > median); // a ball of radius r is smaller than the cube of half-side r
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        var vectors = VectorSampler.Nsn(3).Sample(10, 1);
        Assert.Contains("at least d = 3", Assert.Throws<ArgumentException>(() => OptimumEstimate.MedianError(vectors[..2], [0, 0, 0])).Message);
        double[][] flat = [.. Enumerable.Range(0, 6).Select(i => new double[] { i, 2 * i, 0 })];
        Assert.Contains("do not span", Assert.Throws<ArgumentException>(() => OptimumEstimate.MedianError(flat, [0, 0, 0])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimumEstimate.ExpectedCount(vectors, [0, 0, 0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimumEstimate.ExpectedCount(vectors, [0, 0, 0], double.NaN));
        Assert.Throws<ArgumentException>(() => OptimumEstimate.MedianError(vectors, [0, 0]));
    }
}
