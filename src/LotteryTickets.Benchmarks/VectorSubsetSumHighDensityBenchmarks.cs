using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// The high-density instances of the kernel construction: m NSN vectors in dimension d (9 for 3x3 kernels, 4 for 2x2),
/// targets uniform in [-0.5, 0.5]^d, max-norm, best effort (no tolerance). The k-tree search against the local search
/// (the baseline, what Auto used before the k-tree) on the same instances; times per instance on one core. The setup prints
/// both methods' median errors, since the point is quality per time: run the `ktree` report command for the full table.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class VectorSubsetSumHighDensityBenchmarks
{
    private const int InstanceCount = 8;
    private (double[][] Vectors, double[] Target)[] _instances = [];

    [Params("d=9 m=128", "d=9 m=256", "d=4 m=64")]
    public string Instance { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        int d = int.Parse(Instance.Split(' ')[0][2..]), m = int.Parse(Instance.Split(' ')[1][2..]);
        _instances = [.. Enumerable.Range(0, InstanceCount).Select(i =>
        {
            var rng = Seeds.Rng(4242, d, m, i);
            var vectors = VectorSampler.Nsn(d).Sample(m, rng);
            return (vectors, Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray());
        })];
        double Median(VectorSubsetSumMethod method) => _instances
            .Select(x => VectorSubsetSum.Solve(x.Vectors, x.Target, new VectorSubsetSumOptions { Method = method }).Error).Order().ElementAt(InstanceCount / 2);
        Console.WriteLine($"// {Instance}: median error k-tree {Median(VectorSubsetSumMethod.KTree):G3}, local search {Median(VectorSubsetSumMethod.Heuristic):G3}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = InstanceCount, Description = "local search (Heuristic)")]
    public double LocalSearch() => Run(VectorSubsetSumMethod.Heuristic);

    [Benchmark(OperationsPerInvoke = InstanceCount, Description = "k-tree (KTree)")]
    public double KTree() => Run(VectorSubsetSumMethod.KTree);

    private double Run(VectorSubsetSumMethod method)
    {
        double total = 0;
        foreach (var (vectors, target) in _instances)
            total += VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = method }).Error;
        return total;
    }
}
