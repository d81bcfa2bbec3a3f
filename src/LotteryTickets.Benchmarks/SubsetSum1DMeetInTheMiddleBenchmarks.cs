using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Growth of the exact single-target best subset by meet in the middle (MeetInTheMiddle.BestSubset) with n,
/// for n U[-1,1] values and the target 0.3. Time and memory should grow like 2^(n/2): about 4x per +4.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SubsetSum1DMeetInTheMiddleBenchmarks
{
    private double[] _values = [];

    [Params(24, 28, 32, 36, 40, 44)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _values = ScalarSampler.Sample(ValueDistribution.Uniform, N, new Random(2023));

    [Benchmark(Description = "meet in the middle: BestSubset")]
    public double MeetInTheMiddleBestSubset() => MeetInTheMiddle.BestSubset(_values, 0.3).Error;
}
