using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// The calls the structured pruning makes: many instances of n = 10..200 NSN candidates in d = 9 with a tolerance
/// (stop at the first subset within eps). Auto method (exact up to n = 34, heuristic beyond). Times are per instance.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class VectorSubsetSumToleranceBenchmarks
{
    private const int InstanceCount = 16;
    private (double[][] Vectors, double[] Target)[] _instances = [];

    [Params(16, 32, 64, 200)]
    public int N { get; set; }

    [Params(0.1, 0.3)]
    public double Tolerance { get; set; }

    [GlobalSetup]
    public void Setup() => _instances = VectorSubsetSumPeers.Instances(N, InstanceCount);

    [Benchmark(OperationsPerInvoke = InstanceCount, Description = "VectorSubsetSum.Solve, Auto, with tolerance")]
    public double Solve()
    {
        double total = 0;
        foreach (var (vectors, target) in _instances)
            total += VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Tolerance = Tolerance }).Error;
        return total;
    }
}
