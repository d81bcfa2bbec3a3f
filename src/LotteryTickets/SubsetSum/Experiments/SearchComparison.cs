using System.Diagnostics;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// What exists against what is found: on the instances the kernel construction poses (m NSN vectors in dimension d, a
/// target uniform in [−h, h]^d, max-norm), the median error of the exact search (where it is affordable), the local search,
/// the k-tree search and the estimated optimum (<see cref="OptimumEstimate"/>), beside the counting yardstick 2^(−m/d)
/// (<see cref="ScalingBounds.CountingErrorBound"/>). Instance i of (d, m) is drawn from <c>Seeds.Rng(seed, d, m, i)</c>,
/// so every method sees the same instances and the same seed gives the same numbers (times apart).
/// </summary>
public static class SearchComparison
{
    /// <summary>The name of each series in <see cref="Run"/>'s points.</summary>
    public static class Series
    {
        /// <summary>Exact meet in the middle: the optimum itself, while <see cref="VectorSubsetSum.UsesExactSearch"/> allows.</summary>
        public const string Exact = "exact search (the optimum)";

        /// <summary>Greedy, local search and windows re-solved exactly (<see cref="VectorSubsetSumMethod.Heuristic"/>).</summary>
        public const string Local = "local search";

        /// <summary>The k-tree search (<see cref="VectorSubsetSumMethod.KTree"/>), from <see cref="VectorSubsetSum.KTreeMinItems"/> vectors.</summary>
        public const string KTree = "k-tree search";

        /// <summary>The Gaussian estimate of the optimum's median.</summary>
        public const string Estimate = "estimated optimum";

        /// <summary>2^(−m/d), the error at which 2^m evenly spread sums would just cover [−1, 1]^d.</summary>
        public const string Counting = "counting yardstick 2^(-m/d)";
    }

    /// <summary>Largest number of instances per (d, m) accepted.</summary>
    public const int MaxInstances = 1000;

    /// <summary>Runs every method on <paramref name="instances"/> instances per (d, m).</summary>
    /// <param name="dimensions">Dimensions d (1 to 64).</param>
    /// <param name="candidates">Numbers of vectors m (1 to 4096).</param>
    /// <param name="instances">Instances per (d, m), 1 to <see cref="MaxInstances"/>.</param>
    /// <param name="seed">Base seed.</param>
    /// <param name="targetHalfWidth">h: targets are uniform in [−h, h]^d (0.5: the weights of a trained kernel are mostly smaller).</param>
    /// <param name="progress">Receives a line per (d, m) finished.</param>
    /// <returns>One point per (series, d, m) with a value; the exact search only where it is affordable, the k-tree from 16 vectors.</returns>
    public static IReadOnlyList<SearchComparisonPoint> Run(IReadOnlyList<int> dimensions, IReadOnlyList<int> candidates, int instances, int seed,
        double targetHalfWidth = 0.5, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(candidates);
        if (dimensions.Count == 0 || dimensions.Any(d => d < 1 || d > 64))
            throw new ArgumentOutOfRangeException(nameof(dimensions), string.Join(", ", dimensions), "dimensions must be a non-empty list of d between 1 and 64.");
        if (candidates.Count == 0 || candidates.Any(m => m < 1 || m > 4096))
            throw new ArgumentOutOfRangeException(nameof(candidates), string.Join(", ", candidates), "candidates must be a non-empty list of m between 1 and 4096.");
        if (instances < 1 || instances > MaxInstances)
            throw new ArgumentOutOfRangeException(nameof(instances), instances, $"instances must be between 1 and {MaxInstances}; got {instances}.");
        if (!(targetHalfWidth > 0) || !double.IsFinite(targetHalfWidth))
            throw new ArgumentOutOfRangeException(nameof(targetHalfWidth), targetHalfWidth, $"targetHalfWidth must be a positive finite number; got {targetHalfWidth}.");

        var points = new List<SearchComparisonPoint>();
        foreach (int d in dimensions)
            foreach (int m in candidates)
            {
                var problems = Enumerable.Range(0, instances).Select(i =>
                {
                    var rng = Seeds.Rng(seed, d, m, i);
                    var vectors = VectorSampler.Nsn(d).Sample(m, rng);
                    double[] target = [.. Enumerable.Range(0, d).Select(_ => targetHalfWidth * (2 * rng.NextDouble() - 1))];
                    return (Vectors: vectors, Target: target, Seed: i);
                }).ToArray();
                var methods = new List<(string Name, VectorSubsetSumMethod Method)>();
                if (VectorSubsetSum.UsesExactSearch(m, d)) methods.Add((Series.Exact, VectorSubsetSumMethod.Exact));
                methods.Add((Series.Local, VectorSubsetSumMethod.Heuristic));
                if (m >= VectorSubsetSum.KTreeMinItems) methods.Add((Series.KTree, VectorSubsetSumMethod.KTree));
                foreach (var (name, method) in methods)
                {
                    var errors = new double[instances];
                    var times = new double[instances];
                    for (int i = 0; i < instances; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        errors[i] = VectorSubsetSum.Solve(problems[i].Vectors, problems[i].Target,
                            new VectorSubsetSumOptions { Method = method, Seed = problems[i].Seed }).Error;
                        times[i] = watch.Elapsed.TotalMilliseconds;
                    }
                    points.Add(SearchComparisonPoint.From(name, d, m, errors, times));
                }
                if (m >= d)
                    points.Add(SearchComparisonPoint.From(Series.Estimate, d, m,
                        [.. problems.Select(p => OptimumEstimate.MedianError(p.Vectors, p.Target))], null));
                double counting = ScalingBounds.CountingErrorBound(d, m);
                points.Add(new SearchComparisonPoint(Series.Counting, d, m, counting, counting, counting, null));
                progress?.Report($"d = {d}, m = {m}: {instances} instances");
            }
        return points;
    }
}
