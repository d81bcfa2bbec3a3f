using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Single-target exact best subset in d = 9 where brute force is feasible (n = 20, 24): all 2^n subsets in Gray-code
/// order against the library's exact meet in the middle, on the same NSN instances. The setup checks equal optima.
/// Times are per instance.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class VectorSubsetSumBruteForceBenchmarks
{
    private const int InstanceCount = 4;
    private (double[][] Vectors, double[] Target)[] _instances = [];

    [Params(20, 24)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _instances = VectorSubsetSumPeers.Instances(N, InstanceCount);
        foreach (var (vectors, target) in _instances)
        {
            double ours = VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact }).Error;
            double brute = VectorSubsetSumPeers.BruteForce(vectors, target);
            if (Math.Abs(ours - brute) > 1e-9)
                throw new InvalidOperationException($"n = {N}: optima differ: ours {ours:R}, brute force {brute:R}.");
        }
        Console.WriteLine($"// n = {N}: same optimum as brute force on {InstanceCount}/{InstanceCount} instances");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = InstanceCount, Description = "brute force: all 2^n subsets (Gray code)")]
    public double BruteForce()
    {
        double total = 0;
        foreach (var (vectors, target) in _instances) total += VectorSubsetSumPeers.BruteForce(vectors, target);
        return total;
    }

    [Benchmark(OperationsPerInvoke = InstanceCount, Description = "VectorSubsetSum.Solve, Exact")]
    public double MeetInTheMiddle()
    {
        double total = 0;
        foreach (var (vectors, target) in _instances)
            total += VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact }).Error;
        return total;
    }
}
