using System.Numerics;
using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Exact coverage radius eps*(X) over [-1, 1] of n U[-1,1] values: merge-doubling (CoverageRadius.Of, O(2^n),
/// one 8·2^n-byte list built in place) against the naive baseline measured in the same run (every subset sum
/// by a one-addition-per-subset table, then Array.Sort, O(n·2^n), then the same linear scan).
/// Allocated bytes per operation are compared with 8·2^n in docs/performance-subset-sum.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SubsetSum1DCoverageBenchmarks
{
    private double[] _values = [];

    [Params(18, 20, 22, 24, 26, 28)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _values = ScalarSampler.Sample(ValueDistribution.Uniform, N, new Random(2023));

    [Benchmark(Baseline = true, Description = "naive: enumerate all sums, Array.Sort, scan")]
    public double EnumerateThenSort()
    {
        var sums = GC.AllocateUninitializedArray<double>(1 << N);
        sums[0] = 0;
        // Sum of subset m = sum of m without its lowest bit + that bit's value: one addition per subset.
        for (int m = 1; m < sums.Length; m++)
            sums[m] = sums[m & (m - 1)] + _values[BitOperations.TrailingZeroCount(m)];
        Array.Sort(sums);
        return CoverageRadius.OfSortedSums(sums);
    }

    [Benchmark(Description = "merge-doubling: CoverageRadius.Of")]
    public double MergeDoubling() => CoverageRadius.Of(_values);
}
