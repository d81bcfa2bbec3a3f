using LotteryTickets.Statistics;
using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;

namespace LotteryTickets.Tests.SubsetSum;

public class SubsetSumExperimentTests
{
    private static readonly SubsetSumExperiment Small =
        SubsetSumExperiment.Run(ValueDistribution.Uniform, maxN: 12, trials: 60, seed: 2023);

    [Fact]
    public void Each_radius_is_the_coverage_radius_of_the_trials_prefix()
    {
        foreach (int t in new[] { 0, 17, 59 })
        {
            double[] sample = ScalarSampler.Sample(ValueDistribution.Uniform, 12, Seeds.Rng(2023, (int)ValueDistribution.Uniform, t));
            for (int n = 1; n <= 12; n++)
                Assert.Equal(CoverageRadius.Of(sample[..n]), Small.RadiiAt(n)[t]);
        }
    }

    [Fact]
    public void Radius_never_increases_with_n_within_a_trial()
    {
        for (int n = 2; n <= Small.MaxN; n++)
        {
            double[] before = Small.RadiiAt(n - 1), after = Small.RadiiAt(n);
            for (int t = 0; t < Small.Trials; t++) Assert.True(after[t] <= before[t]);
        }
    }

    [Fact]
    public void Same_numbers_for_any_thread_count_and_run()
    {
        foreach (var d in new[] { ValueDistribution.Normal, ValueDistribution.NormalProduct })
        {
            var one = SubsetSumExperiment.Run(d, 10, 40, seed: 5, maxDegreeOfParallelism: 1);
            var all = SubsetSumExperiment.Run(d, 10, 40, seed: 5);
            var three = SubsetSumExperiment.Run(d, 10, 40, seed: 5, maxDegreeOfParallelism: 3);
            for (int n = 1; n <= 10; n++)
            {
                Assert.Equal(one.RadiiAt(n), all.RadiiAt(n));
                Assert.Equal(one.RadiiAt(n), three.RadiiAt(n));
            }
            Assert.NotEqual(one.RadiiAt(10), SubsetSumExperiment.Run(d, 10, 40, seed: 6).RadiiAt(10));
        }
    }

    [Fact]
    public void Success_probability_counts_the_radii_at_or_below_eps()
    {
        double[] radii = Small.RadiiAt(10);
        double eps = radii.Order().ElementAt(30); // exactly 31 trials have radius ≤ eps (ties aside)
        ProportionEstimate p = Small.SuccessProbability(10, eps, ConfidenceMethod.ClopperPearson);
        Assert.Equal(radii.Count(r => r <= eps), p.Successes);
        Assert.Equal(60, p.Trials);
        Assert.Equal(ConfidenceMethod.ClopperPearson, p.Method);
        Assert.Equal(Small.MaxN, Small.SuccessCurve(eps).Count);
        Assert.Equal(p.Successes, Small.SuccessCurve(eps)[9].Probability.Successes);
    }

    [Fact]
    public void Threshold_is_the_smallest_n_reaching_one_minus_delta()
    {
        ThresholdEstimate th = Small.Threshold(0.05, delta: 0.2);
        Assert.NotNull(th.Threshold);
        int nStar = th.Threshold.Value;
        Assert.True(Small.SuccessProbability(nStar, 0.05).Estimate >= 0.8);
        for (int n = 1; n < nStar; n++) Assert.True(Small.SuccessProbability(n, 0.05).Estimate < 0.8);
        Assert.True(nStar >= th.CountingLowerBound);
        Assert.Null(Small.Threshold(1e-6).Threshold); // impossible below the counting bound log2(1e6) ≈ 20 > 12
    }

    [Fact]
    public void Thresholds_grow_with_log_inverse_eps_and_are_fitted()
    {
        ThresholdFit fit = Small.FitThresholds([0.3, 0.1, 0.03], delta: 0.2);
        Assert.Equal(3, fit.Points.Count);
        Assert.All(fit.Points, p => Assert.NotNull(p.Threshold));
        Assert.True(fit.Fit.Slope > 0.5, fit.ToString());
        Assert.Throws<InvalidOperationException>(() => Small.FitThresholds([1e-5, 1e-6]));
        Assert.Equal("epsValues", Assert.Throws<ArgumentException>(() => Small.FitThresholds([0.1, 0.1])).ParamName);
    }

    [Fact]
    public void Summaries_report_order_statistics()
    {
        RadiusSummary s = Small.Summary(8);
        double[] sorted = [.. Small.RadiiAt(8).Order()];
        Assert.Equal(sorted[0], s.Min);
        Assert.Equal(sorted[^1], s.Max);
        Assert.Equal((sorted[29] + sorted[30]) / 2, s.Median, 15);
        Assert.InRange(s.Median, s.LowerQuartile, s.UpperQuartile);
        Assert.Equal(12, Small.Summaries().Count);
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_their_name()
    {
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, 5, 0, 1)).ParamName);
        Assert.Equal("maxN", Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, 0, 5, 1)).ParamName);
        var big = Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, 20, 4, 1, maxDegreeOfParallelism: 2, maxBytes: 1_000_000));
        Assert.Equal("maxN", big.ParamName);
        Assert.Contains("16,777,216 bytes", big.Message);
        Assert.Contains("1,000,000 bytes", big.Message);
        Assert.Equal("maxN", Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, 40, 4, 1)).ParamName);
        Assert.Equal("upper", Assert.Throws<ArgumentException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, 5, 5, 1, lower: 1, upper: -1)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, 5, 5, 1, maxDegreeOfParallelism: 0)).ParamName);
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => Small.SuccessProbability(5, 0)).ParamName);
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => Small.Threshold(-0.1)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => Small.Threshold(0.1, delta: 1)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Small.RadiiAt(13)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Small.SuccessProbability(0, 0.1)).ParamName);
    }
}
