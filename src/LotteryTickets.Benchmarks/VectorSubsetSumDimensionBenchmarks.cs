using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Where <see cref="VectorSubsetSumMethod.Auto"/> switches from the exact search to the heuristic: the exact
/// search and the heuristic at the largest n that Auto still solves exactly, for d = 16, 36 and 150 (NSN vectors,
/// targets uniform in the cube). Times are per instance.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class VectorSubsetSumDimensionBenchmarks
{
    private const int InstanceCount = 4;
    private (double[][] Vectors, double[] Target)[] _instances = [];

    public static IEnumerable<string> Cases => ["d=16,n=34", "d=36,n=30", "d=150,n=26"];

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "d=16,n=34";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split(',').Select(p => int.Parse(p[(p.IndexOf('=') + 1)..])).ToArray();
        _instances = VectorSubsetSumPeers.Instances(parts[1], InstanceCount, parts[0]);
        if (!VectorSubsetSum.UsesExactSearch(parts[1], parts[0]))
            throw new InvalidOperationException($"{Case} is outside Auto's exact range.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = InstanceCount, Description = "Exact")]
    public double Exact() => Run(VectorSubsetSumMethod.Exact);

    [Benchmark(OperationsPerInvoke = InstanceCount, Description = "Heuristic")]
    public double Heuristic() => Run(VectorSubsetSumMethod.Heuristic);

    private double Run(VectorSubsetSumMethod method)
    {
        double total = 0;
        foreach (var (vectors, target) in _instances)
            total += VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = method }).Error;
        return total;
    }
}
