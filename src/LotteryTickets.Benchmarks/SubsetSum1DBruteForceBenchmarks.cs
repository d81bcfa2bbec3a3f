using System.Numerics;
using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Single-target best subset at n = 20 and 24: brute force over all 2^n subsets (Gray-code order, one
/// addition per subset, no memory) as the baseline, against meet in the middle in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SubsetSum1DBruteForceBenchmarks
{
    private double[] _values = [];

    [Params(20, 24)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _values = ScalarSampler.Sample(ValueDistribution.Uniform, N, new Random(2023));

    [Benchmark(Baseline = true, Description = "brute force: all 2^n subsets (Gray code)")]
    public double BruteForce()
    {
        const double target = 0.3;
        double sum = 0, best = Math.Abs(target);
        uint gray = 0;
        for (uint k = 1; k < 1u << N; k++)
        {
            int bit = BitOperations.TrailingZeroCount(k);
            gray ^= 1u << bit;
            sum += (gray & (1u << bit)) != 0 ? _values[bit] : -_values[bit];
            double error = Math.Abs(target - sum);
            if (error < best) best = error;
        }
        return best;
    }

    [Benchmark(Description = "meet in the middle: BestSubset")]
    public double MeetInTheMiddleBestSubset() => MeetInTheMiddle.BestSubset(_values, 0.3).Error;
}
