using CsCheck;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

public class VectorSubsetSumTests
{
    // Small instances: n <= 12, d in 1..4, Gaussian coordinates (some rounded to quarters for exact ties).
    private static readonly Gen<(double[][] Vectors, double[] Target)> SmallInstances =
        from d in Gen.Int[1, 4]
        from n in Gen.Int[0, 12]
        from ties in Gen.Bool
        from seed in Gen.Int
        select Rounded(VectorBruteForce.Instance(seed, n, d), ties);

    private static (double[][] Vectors, double[] Target) Rounded((double[][] Vectors, double[] Target) instance, bool round)
    {
        if (!round) return instance;
        foreach (var x in instance.Vectors) for (int c = 0; c < x.Length; c++) x[c] = Math.Round(x[c] * 4) / 4;
        return instance;
    }

    // The methods that search subsets of a given size and any n (KTree needs n >= 16 and any size: see KTreeSearchTests).
    private static readonly Gen<VectorSubsetSumMethod> GeneralMethods =
        Gen.Enum<VectorSubsetSumMethod>().Where(m => m != VectorSubsetSumMethod.KTree);

    internal static void AssertConsistent(double[][] vectors, double[] target, VectorSubsetSumOptions options, VectorSubsetChoice choice)
    {
        Assert.Equal(choice.Indices.Order().Distinct(), choice.Indices);
        Assert.All(choice.Indices, i => Assert.InRange(i, 0, vectors.Length - 1));
        if (options.FixedSize is int k) Assert.Equal(k, choice.Indices.Length);
        long mask = choice.Indices.Aggregate(0L, (m, i) => m | 1L << i);
        Assert.Equal(VectorBruteForce.Error(vectors, target, mask, options.Norm), choice.Error, 12);
        var sum = new double[target.Length];
        foreach (int i in choice.Indices) for (int c = 0; c < sum.Length; c++) sum[c] += vectors[i][c];
        Assert.Equal(sum, choice.Sum);
    }

    [Theory]
    [InlineData(VectorNorm.Max)]
    [InlineData(VectorNorm.Euclidean)]
    public void Exact_solver_matches_brute_force_and_proves_it(VectorNorm norm) =>
        SmallInstances.Select(Gen.Bool, Gen.Int[0, 12]).Sample((instance, fixedSize, kRaw) =>
        {
            var (vectors, target) = instance;
            int? k = fixedSize ? Math.Min(kRaw, vectors.Length) : null;
            var options = new VectorSubsetSumOptions { Norm = norm, FixedSize = k, Method = VectorSubsetSumMethod.Exact };
            var choice = VectorSubsetSum.Solve(vectors, target, options);
            AssertConsistent(vectors, target, options, choice);
            Assert.True(choice.ProvenOptimal);
            Assert.Equal(VectorSubsetSumMethod.Exact, choice.Method);
            Assert.Equal(VectorBruteForce.BestError(vectors, target, norm, k), choice.Error, 12);
        }, iter: 250);

    [Fact]
    public void No_method_claims_an_optimum_that_brute_force_beats() =>
        SmallInstances.Select(GeneralMethods, Gen.Enum<VectorNorm>(), Gen.Int[-1, 12]).Sample((instance, method, norm, kRaw) =>
        {
            var (vectors, target) = instance;
            int? k = kRaw < 0 ? null : Math.Min(kRaw, vectors.Length);
            var options = new VectorSubsetSumOptions { Norm = norm, FixedSize = k, Method = method, NodeLimit = 50 };
            var choice = VectorSubsetSum.Solve(vectors, target, options);
            AssertConsistent(vectors, target, options, choice);
            double best = VectorBruteForce.BestError(vectors, target, norm, k);
            Assert.True(choice.Error >= best - 1e-12);
            if (choice.ProvenOptimal) Assert.Equal(best, choice.Error, 12);
        }, iter: 250);

    [Fact]
    public void Tolerance_is_met_whenever_brute_force_says_it_is_reachable() =>
        SmallInstances.Select(GeneralMethods, Gen.Double[0.0, 1.5], Gen.Bool).Sample((instance, method, tolerance, fixedSize) =>
        {
            var (vectors, target) = instance;
            int? k = fixedSize ? vectors.Length / 2 : null;
            var options = new VectorSubsetSumOptions { Tolerance = tolerance, Method = method, FixedSize = k };
            var choice = VectorSubsetSum.Solve(vectors, target, options);
            AssertConsistent(vectors, target, options, choice);
            if (VectorBruteForce.BestError(vectors, target, VectorNorm.Max, k) <= tolerance) Assert.True(choice.Error <= tolerance);
        }, iter: 250);

    [Fact]
    public void Fixed_size_returns_only_subsets_of_that_size_at_every_n()
    {
        var (vectors, target) = VectorBruteForce.Instance(5, 30, 9);
        foreach (var method in Enum.GetValues<VectorSubsetSumMethod>().Where(m => m != VectorSubsetSumMethod.KTree))
            foreach (int k in new[] { 0, 1, 7, 15, 29, 30 })
                Assert.Equal(k, VectorSubsetSum.Solve(vectors, target, new() { FixedSize = k, Method = method, Tolerance = 0.5 }).Size);
    }

    [Fact]
    public void In_one_dimension_it_agrees_with_the_one_dimensional_meet_in_the_middle()
    {
        var rng = new Random(3);
        for (int trial = 0; trial < 60; trial++)
        {
            int n = rng.Next(1, 24);
            double[] values = ScalarSampler.Sample(ValueDistribution.Normal, n, rng);
            double target = 2 * rng.NextDouble() - 1;
            double[][] vectors = [.. values.Select(v => new[] { v })];
            var vector = VectorSubsetSum.Solve(vectors, [target], new() { Method = VectorSubsetSumMethod.Exact });
            var scalar = MeetInTheMiddle.BestSubset(values, target);
            Assert.True(vector.ProvenOptimal);
            Assert.Equal(scalar.Error, vector.Error, 12);
            Assert.Equal(scalar.Error, VectorSubsetSum.Solve(vectors, [target], new() { Norm = VectorNorm.Euclidean }).Error, 12);
        }
    }

    [Fact]
    public void Exact_solver_matches_brute_force_at_d_9_n_18()
    {
        var (vectors, target) = VectorBruteForce.Instance(17, 18, 9);
        var choice = VectorSubsetSum.Solve(vectors, target, new() { Method = VectorSubsetSumMethod.Exact });
        Assert.True(choice.ProvenOptimal);
        Assert.Equal(VectorBruteForce.BestError(vectors, target), choice.Error, 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Trees_built_on_two_threads_equal_those_built_on_one_and_find_the_brute_force_optimum(bool bySize)
    {
        for (int seed = 0; seed < 6; seed++)
        {
            int n = 12 + seed, d = 2 + seed;
            var (vectors, target) = VectorBruteForce.Instance(700 + seed, n, d);
            int[] items = [.. Enumerable.Range(0, n)];
            using var one = new VectorMeetInTheMiddle(vectors, items, d, n / 2, bySize, parallel: false);
            using var two = new VectorMeetInTheMiddle(vectors, items, d, n / 2, bySize, parallel: true, parallelMinItems: 1);
            foreach (var (x, y) in one.TreesA.Concat(one.TreesB).Zip(two.TreesA.Concat(two.TreesB)))
            {
                Assert.Equal(x!.Count, y!.Count);
                Assert.Equal(x.Points.AsSpan(0, x.Count * d).ToArray(), y.Points.AsSpan(0, y.Count * d).ToArray());
                Assert.Equal(x.Masks.AsSpan(0, x.Count).ToArray(), y.Masks.AsSpan(0, y.Count).ToArray());
                Assert.Equal(x.Lo.AsSpan(0, x.NodeCount * d).ToArray(), y.Lo.AsSpan(0, y.NodeCount * d).ToArray());
            }
            int? k = bySize ? n / 3 : null;
            var search = new DualTreeSearch<MaxMetric>(target, double.PositiveInfinity, 0, new SearchBudget(null, null));
            two.Search(search, k);
            Assert.False(search.Stopped);
            Assert.Equal(VectorBruteForce.BestError(vectors, target, VectorNorm.Max, k), search.BestRaw, 12);
        }
    }

    [Fact]
    public void Exact_answers_do_not_depend_on_the_build_threads()
    {
        // n = 30: halves of 15 items, above VectorMeetInTheMiddle.ParallelMinItems, so the default build uses two threads.
        var (vectors, target) = VectorBruteForce.Instance(31, 30, 9);
        var options = new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact };
        var two = VectorSubsetSum.Solve(vectors, target, options);
        var one = VectorSubsetSum.Solve(vectors, target, options with { ParallelBuild = false });
        Assert.True(two.ProvenOptimal && one.ProvenOptimal);
        Assert.Equal(one.Indices, two.Indices);
        Assert.Equal(one.Error, two.Error);
        Assert.Equal(one.Nodes, two.Nodes);
    }

    [Fact]
    public void Heuristic_is_deterministic_and_honest_at_large_n()
    {
        var (vectors, target) = VectorBruteForce.Instance(9, 150, 9, scale: 0.3);
        var options = new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Heuristic, Seed = 4 };
        var first = VectorSubsetSum.Solve(vectors, target, options);
        var second = VectorSubsetSum.Solve(vectors, target, options);
        Assert.Equal(first.Indices, second.Indices);
        Assert.False(first.ProvenOptimal);
        Assert.Equal(VectorSubsetSumMethod.Heuristic, first.Method);
        // 150 vectors of scale 0.3 reach a target in [-1,1]^9 far better than the empty subset.
        Assert.True(first.Error < 0.25 * target.Max(Math.Abs), $"heuristic error {first.Error}");
        Assert.Equal(VectorSubsetSumMethod.KTree, VectorSubsetSum.Solve(vectors, target).Method); // Auto picks the k-tree at n = 150, d = 9
        Assert.Equal(VectorSubsetSumMethod.Heuristic, VectorSubsetSum.Solve(vectors, target, new() { FixedSize = 40 }).Method); // and the local search for a fixed size
    }

    [Fact]
    public void Node_limit_stops_early_deterministically_without_claiming_optimality()
    {
        var (vectors, target) = VectorBruteForce.Instance(21, 30, 9);
        var options = new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact, NodeLimit = 20 };
        var a = VectorSubsetSum.Solve(vectors, target, options);
        var b = VectorSubsetSum.Solve(vectors, target, options);
        Assert.False(a.ProvenOptimal);
        Assert.Equal(a.Indices, b.Indices);
        Assert.True(a.Nodes <= 21);
        var full = VectorSubsetSum.Solve(vectors, target, new() { Method = VectorSubsetSumMethod.Exact });
        Assert.True(full.ProvenOptimal);
        Assert.True(full.Error <= a.Error);
    }

    [Fact]
    public void Time_limit_returns_promptly()
    {
        var (vectors, target) = VectorBruteForce.Instance(23, 300, 30, scale: 0.2);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var choice = VectorSubsetSum.Solve(vectors, target, new() { TimeLimit = TimeSpan.FromMilliseconds(20) });
        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.False(choice.ProvenOptimal);
    }

    [Fact]
    public void Auto_uses_the_exact_search_where_documented()
    {
        Assert.True(VectorSubsetSum.UsesExactSearch(32, 9));
        Assert.False(VectorSubsetSum.UsesExactSearch(VectorSubsetSum.AutoExactMaxItems + 1, 9, tolerance: 0.05));
        Assert.False(VectorSubsetSum.UsesExactSearch(32, 150));
        var (vectors, target) = VectorBruteForce.Instance(2, 20, 9);
        Assert.Equal(VectorSubsetSumMethod.Exact, VectorSubsetSum.Solve(vectors, target).Method);
    }

    [Fact]
    public void Auto_proves_the_optimum_up_to_AutoProvenMaxItems_vectors_when_the_optimum_is_asked_for()
    {
        // Asked for the optimum (no tolerance, any size): proven up to AutoProvenMaxItems in d <= 16.
        Assert.True(VectorSubsetSum.UsesExactSearch(VectorSubsetSum.AutoProvenMaxItems, 9));
        Assert.True(VectorSubsetSum.UsesExactSearch(VectorSubsetSum.AutoProvenMaxItems, 16));
        Assert.False(VectorSubsetSum.UsesExactSearch(VectorSubsetSum.AutoProvenMaxItems + 1, 9));
        // A tolerance or a fixed size keeps the cheaper limit; larger d keeps its own.
        Assert.False(VectorSubsetSum.UsesExactSearch(VectorSubsetSum.AutoExactMaxItems + 1, 9, fixedSize: 10));
        Assert.False(VectorSubsetSum.UsesExactSearch(VectorSubsetSum.AutoProvenMaxItems, 20));
        Assert.Equal(VectorSubsetSumMethod.KTree, VectorSubsetSum.MethodFor(36, 4, tolerance: 1e-3));

        var (vectors, target) = VectorBruteForce.Instance(3, 36, 4);
        var proven = VectorSubsetSum.Solve(vectors, target);
        var searched = VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Tolerance = 1e-12 });
        Assert.Equal(VectorSubsetSumMethod.Exact, proven.Method);
        Assert.True(proven.ProvenOptimal);
        Assert.Equal(VectorSubsetSumMethod.KTree, searched.Method);
        Assert.True(proven.Error <= searched.Error, $"the proven optimum {proven.Error:R} is above the k-tree's {searched.Error:R}");
    }

    [Fact]
    public void All_sums_are_the_subset_sums_by_mask()
    {
        var (vectors, _) = VectorBruteForce.Instance(4, 6, 3);
        double[][] sums = VectorSubsetSum.AllSums(vectors);
        Assert.Equal(64, sums.Length);
        for (int mask = 0; mask < 64; mask++)
            Assert.Equal(0.0, VectorBruteForce.Error(vectors, sums[mask], mask, VectorNorm.Max), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.AllSums(VectorSampler.Gaussian(2).Sample(21, 1)));
        Assert.Throws<ArgumentException>(() => VectorSubsetSum.AllSums([]));
    }

    [Fact]
    public void Empty_input_gives_the_empty_subset()
    {
        var choice = VectorSubsetSum.Solve([], [0.5, -0.25]);
        Assert.Empty(choice.Indices);
        Assert.Equal(0.5, choice.Error);
        Assert.True(choice.ProvenOptimal);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_message()
    {
        double[][] ok = [[1, 2], [3, 4]];
        Assert.Throws<ArgumentNullException>(() => VectorSubsetSum.Solve(null!, [0, 0]));
        Assert.Throws<ArgumentNullException>(() => VectorSubsetSum.Solve(ok, null!));
        Assert.Contains("dimension d >= 1", Assert.Throws<ArgumentException>(() => VectorSubsetSum.Solve(ok, [])).Message);
        Assert.Contains("vectors[1] has 3 coordinates", Assert.Throws<ArgumentException>(() => VectorSubsetSum.Solve([[1, 2], [1, 2, 3]], [0, 0])).Message);
        Assert.Contains("vectors[0][1] = NaN", Assert.Throws<ArgumentException>(() => VectorSubsetSum.Solve([[1, double.NaN]], [0, 0])).Message);
        Assert.Contains("target[0]", Assert.Throws<ArgumentException>(() => VectorSubsetSum.Solve(ok, [double.PositiveInfinity, 0])).Message);
        Assert.Contains("between 0 and n = 2", Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(ok, [0, 0], new() { FixedSize = 3 })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(ok, [0, 0], new() { FixedSize = -1 }));
        Assert.Contains("Tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(ok, [0, 0], new() { Tolerance = -0.1 })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(ok, [0, 0], new() { Tolerance = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(ok, [0, 0], new() { TimeLimit = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(ok, [0, 0], new() { NodeLimit = 0 }));
        var big = VectorSampler.Gaussian(9).Sample(64, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(big, new double[9], new() { Method = VectorSubsetSumMethod.Exact }));
        Assert.Contains("ExactMaxItems", e.Message);
    }

    [Theory]
    [InlineData(VectorNorm.Max)]
    [InlineData(VectorNorm.Euclidean)]
    public void Sums_that_would_overflow_are_refused_rather_than_reported_as_infinite_errors(VectorNorm norm)
    {
        double[][] huge = [[1e308, 1], [1e308, 2], [-1e308, 3]];
        var e = Assert.Throws<ArgumentException>(() => VectorSubsetSum.Solve(huge, [0, 0], new() { Norm = norm }));
        Assert.Equal("vectors", e.ParamName);
        Assert.Contains("overflow", e.Message);
        // Finite sums whose squares overflow: fine in the max-norm, refused in the Euclidean norm.
        double[][] large = [[1e160, 0], [-1e160, 0]];
        Assert.Equal(0, VectorSubsetSum.Solve(large, [0, 0], new() { Norm = VectorNorm.Max }).Error);
        if (norm == VectorNorm.Euclidean)
            Assert.Contains("Euclidean", Assert.Throws<ArgumentException>(() => VectorSubsetSum.Solve(large, [0, 0], new() { Norm = norm })).Message);
    }
}
