using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

public class VectorSubsetSumExperimentTests
{
    [Theory]
    [InlineData(ValueDistribution.Normal)]
    [InlineData(ValueDistribution.NormalProduct)]
    public void In_one_dimension_it_reproduces_the_one_dimensional_experiment(ValueDistribution distribution)
    {
        VectorSampler sampler = distribution == ValueDistribution.Normal ? VectorSampler.Gaussian(1) : VectorSampler.Nsn(1);
        var scalar = SubsetSumExperiment.Run(distribution, maxN: 14, trials: 60, seed: 2023);
        var vector = VectorSubsetSumExperiment.Run(sampler, 0.02, maxN: 14, trials: 60, seed: 2023);
        for (int n = 1; n <= 14; n++)
            Assert.Equal(scalar.SuccessProbability(n, 0.02).Successes, vector.SuccessProbability(n).Successes);
        Assert.Equal(0, vector.UncertainTrials);
    }

    [Fact]
    public void Minimal_sizes_are_the_smallest_covering_prefixes()
    {
        var sampler = VectorSampler.Gaussian(2);
        var run = VectorSubsetSumExperiment.Run(sampler, 0.3, maxN: 14, trials: 6, seed: 7);
        for (int t = 0; t < run.Trials; t++)
        {
            double[][] vectors = sampler.Sample(14, Seeds.Rng(7, sampler.SeedConfiguration, t));
            if (run.MinimalSizes[t] is not int n) { Assert.False(GridCoverage.Check(vectors, 0.3).Covered); continue; }
            Assert.True(GridCoverage.Check(vectors[..n], 0.3).Covered);
            if (n > 1) Assert.False(GridCoverage.Check(vectors[..(n - 1)], 0.3).Covered);
        }
    }

    [Fact]
    public void Random_target_minimal_sizes_match_brute_force()
    {
        var sampler = VectorSampler.Nsn(3);
        var run = VectorSubsetSumExperiment.Run(sampler, 0.2, maxN: 12, trials: 10, seed: 3, mode: TargetMode.RandomTarget);
        for (int t = 0; t < run.Trials; t++)
        {
            double[][] vectors = sampler.Sample(12, Seeds.Rng(3, sampler.SeedConfiguration, t));
            double[] target = VectorSubsetSumExperiment.RandomTarget(3, Seeds.Rng(3, sampler.SeedConfiguration, t, 1));
            int? expected = Enumerable.Range(0, 13).Cast<int?>().FirstOrDefault(n => VectorBruteForce.BestError(vectors[..n!.Value], target) <= 0.2);
            Assert.Equal(expected, run.MinimalSizes[t]);
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_core_count()
    {
        var sampler = VectorSampler.Nsn(2);
        var one = VectorSubsetSumExperiment.Run(sampler, 0.3, 14, 12, 99, maxDegreeOfParallelism: 1);
        var all = VectorSubsetSumExperiment.Run(sampler, 0.3, 14, 12, 99);
        Assert.Equal(one.MinimalSizes, all.MinimalSizes);
        var threshold = all.Threshold(0.5);
        Assert.Equal(ScalingBounds.CountingLowerBound(2, 0.3), threshold.CountingLowerBound);
        if (threshold.Threshold is int nStar) Assert.True(nStar >= threshold.CountingLowerBound);
    }

    [Fact]
    public void Structured_never_needs_fewer_samples_than_unstructured()
    {
        var comparison = StructureComparison.Run(VectorSampler.Gaussian(4), 0.3, maxN: 24, trials: 8, seed: 5);
        Assert.All(comparison.Rows, row =>
        {
            // One subset good for every coordinate is in particular good for each coordinate.
            if (row.StructuredN is int s) Assert.True(row.UnstructuredN <= s);
            if (row.StructuredKernelsKept is int k) Assert.Equal(4 * k, row.StructuredWeightsKept);
            if (row.UnstructuredChannelsTouched is int c) Assert.True(c <= row.UnstructuredN);
        });
        var allTargets = StructureComparison.Run(VectorSampler.Gaussian(2), 0.3, maxN: 14, trials: 4, seed: 5, mode: TargetMode.AllTargets);
        Assert.All(allTargets.Rows, row => { if (row.StructuredN is int s) Assert.True(row.UnstructuredN <= s); });
    }

    [Fact]
    public void Bad_input_is_rejected_before_any_trial_runs()
    {
        var sampler = VectorSampler.Gaussian(2);
        Assert.Throws<ArgumentNullException>(() => VectorSubsetSumExperiment.Run(null!, 0.1, 10, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSumExperiment.Run(sampler, 0, 10, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSumExperiment.Run(sampler, 0.1, 0, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSumExperiment.Run(sampler, 0.1, 10, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSumExperiment.Run(sampler, 0.1, 10, 10, 1, maxDegreeOfParallelism: 0));
        Assert.Contains("pointLimit", Assert.Throws<ArgumentOutOfRangeException>(() =>
            VectorSubsetSumExperiment.Run(VectorSampler.Gaussian(8), 0.05, 10, 10, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSumExperiment.Run(sampler, 0.1, 100, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructureComparison.Run(sampler, -1, 10, 10, 1));
        var run = VectorSubsetSumExperiment.Run(sampler, 0.5, 6, 3, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => run.SuccessProbability(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => run.Threshold(1.0));
    }
}
