using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Single-target exact best subset in d = 9 (NSN vectors, targets uniform in [-1,1]^9, max-norm): the library's
/// meet in the middle with k-d trees against OR-Tools CP-SAT (one worker) on the same instances. The setup checks
/// that both reach the same optimum on every instance (CP-SAT's subset re-evaluated in double) and throws if not.
/// Times are per instance (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class VectorSubsetSumBenchmarks
{
    private const int InstanceCount = 8;
    private (double[][] Vectors, double[] Target)[] _instances = [];

    [Params(24, 32)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _instances = VectorSubsetSumPeers.Instances(N, InstanceCount);
        int same = 0;
        foreach (var (vectors, target) in _instances)
        {
            var ours = VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact });
            var peer = VectorSubsetSumPeers.CpSat(vectors, target);
            if (!ours.ProvenOptimal || !peer.Optimal)
                throw new InvalidOperationException($"n = {N}: an exact solver did not prove optimality (ours {ours.ProvenOptimal}, CP-SAT {peer.Optimal}).");
            if (Math.Abs(ours.Error - peer.Error) > 1e-9)
                throw new InvalidOperationException($"n = {N}: optima differ: ours {ours.Error:R} ({string.Join(",", ours.Indices)}), CP-SAT {peer.Error:R} ({string.Join(",", peer.Indices)}).");
            same++;
        }
        Console.WriteLine($"// n = {N}: same optimum (to 1e-9) on {same}/{InstanceCount} instances");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = InstanceCount, Description = "OR-Tools CP-SAT, 1 worker (scaled 1e5)")]
    public double CpSat()
    {
        double total = 0;
        foreach (var (vectors, target) in _instances) total += VectorSubsetSumPeers.CpSat(vectors, target).Error;
        return total;
    }

    [Benchmark(OperationsPerInvoke = InstanceCount, Description = "VectorSubsetSum.Solve, Exact (k-d tree meet in the middle)")]
    public double MeetInTheMiddle()
    {
        double total = 0;
        foreach (var (vectors, target) in _instances)
            total += VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact }).Error;
        return total;
    }
}
