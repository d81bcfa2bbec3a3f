using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

/// <summary>
/// With vectors taken out of the halves, the exact search queries one shared index from two threads (ShiftedSearch,
/// HalfSumTree.Split). Checked: the optimum against brute force, the very same subset as on one thread (ties included), the
/// same subset over many runs, and trees split concurrently equal to trees split on one thread.
/// </summary>
public class ParallelShiftSearchTests
{
    private static readonly VectorSubsetSumOptions ExactOptions = new() { Method = VectorSubsetSumMethod.Exact };

    // Coordinates in multiples of 1/4 from -1 to 1: sums are exact, so many subsets share the least error.
    private static (double[][] Vectors, double[] Target) Lattice(int seed, int n, int d)
    {
        var rng = new Random(seed);
        double Next() => rng.Next(-4, 5) / 4.0;
        var vectors = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => Next()).ToArray()).ToArray();
        return (vectors, Enumerable.Range(0, d).Select(_ => Next() + 0.125).ToArray());
    }

    [Fact]
    public void Two_threads_return_the_one_thread_subset_and_the_brute_force_optimum()
    {
        for (int seed = 0; seed < 24; seed++)
        {
            int d = seed % 3 == 0 ? 2 : seed % 3 == 1 ? 3 : 9;
            var norm = seed % 4 == 3 ? VectorNorm.Euclidean : VectorNorm.Max;
            int? size = seed % 5 == 4 ? 5 : null;
            var (vectors, target) = seed % 2 == 0 ? Lattice(1700 + seed, 16, d) : VectorBruteForce.Instance(1700 + seed, 16, d, scale: 0.4);
            if (seed % 6 == 1) for (int k = 0; k < 4; k++) vectors[12 + k] = (double[])vectors[3 * k].Clone(); // repeated vectors
            var options = ExactOptions with { Norm = norm, FixedSize = size };
            var split = (5, 5, 6);
            var two = VectorSubsetSum.SolveExact(vectors, target, options, split);
            var one = VectorSubsetSum.SolveExact(vectors, target, options with { ParallelSearch = false }, split);
            Assert.True(two.ProvenOptimal && one.ProvenOptimal, $"seed {seed}");
            Assert.Equal(VectorBruteForce.BestError(vectors, target, norm, size), two.Error, 12);
            Assert.Equal(one.Indices, two.Indices);
            Assert.Equal(one.Error, two.Error);
        }
    }

    [Fact]
    public void The_same_instance_gives_the_same_subset_on_every_run()
    {
        // Trees of 2^11 sums (two buckets, split while searched) and 64 shifts; lattice vectors give many tied subsets.
        var (vectors, target) = Lattice(1800, 28, 3);
        var one = VectorSubsetSum.SolveExact(vectors, target, ExactOptions with { ParallelSearch = false }, (11, 11, 6));
        Assert.True(one.ProvenOptimal);
        for (int run = 0; run < 50; run++)
        {
            var two = VectorSubsetSum.SolveExact(vectors, target, ExactOptions, (11, 11, 6));
            Assert.Equal(one.Indices, two.Indices);
            Assert.True(two.ProvenOptimal);
        }
    }

    [Fact]
    public void Any_order_of_taking_the_shifts_gives_the_in_order_subset()
    {
        // Two threads may finish a later shift before an earlier one; taking the shifts in reverse or shuffled order on one
        // thread is the extreme case. Ties must still go to the earlier shift, with the pair the in-order search finds.
        for (int seed = 0; seed < 12; seed++)
        {
            var (vectors, target) = Lattice(2100 + seed, 16, seed % 2 == 0 ? 2 : 3);
            if (seed % 3 == 0) for (int k = 0; k < 4; k++) vectors[12 + k] = (double[])vectors[2 * k].Clone();
            int? size = seed % 4 == 3 ? 6 : null;
            (int[]? Indices, bool Proven) Run(Func<int, int[]>? order) => ShiftedSearch<MaxMetric>.Run(vectors, target, 5, 5, 6, size,
                double.PositiveInfinity, 0, SearchBudget.Unlimited(), parallelBuild: false, parallelSearch: false, order);
            var inOrder = Run(null);
            var reversed = Run(count => [.. Enumerable.Range(0, count).Reverse()]);
            var rng = new Random(seed);
            var shuffled = Run(count => [.. Enumerable.Range(0, count).OrderBy(_ => rng.Next())]);
            Assert.True(inOrder.Proven && reversed.Proven && shuffled.Proven);
            Assert.Equal(inOrder.Indices, reversed.Indices);
            Assert.Equal(inOrder.Indices, shuffled.Indices);
        }
    }

    [Fact]
    public void A_tolerance_or_a_node_limit_keeps_one_thread_and_its_answer()
    {
        var (vectors, target) = VectorBruteForce.Instance(1900, 18, 4, scale: 0.4);
        foreach (var options in new[] { ExactOptions with { Tolerance = 0.05 }, ExactOptions with { NodeLimit = 200 } })
        {
            var two = VectorSubsetSum.SolveExact(vectors, target, options, (6, 6, 6));
            var one = VectorSubsetSum.SolveExact(vectors, target, options with { ParallelSearch = false }, (6, 6, 6));
            Assert.Equal(one.Indices, two.Indices);
            Assert.Equal(one.Nodes, two.Nodes);
            Assert.Equal(one.ProvenOptimal, two.ProvenOptimal);
        }
    }

    [Fact]
    public void A_time_limit_that_stops_two_threads_leaves_the_answer_unproven()
    {
        var (vectors, target) = VectorBruteForce.Instance(2200, 30, 9);
        var full = VectorSubsetSum.SolveExact(vectors, target, ExactOptions, (12, 12, 6));
        var limited = VectorSubsetSum.SolveExact(vectors, target, ExactOptions with { TimeLimit = TimeSpan.Zero }, (12, 12, 6));
        Assert.True(full.ProvenOptimal);
        Assert.False(limited.ProvenOptimal);
        Assert.True(limited.Error >= full.Error);
        Assert.True(limited.Nodes < full.Nodes, $"{limited.Nodes} nodes with the limit, {full.Nodes} without");
    }

    [Fact]
    public void Trees_split_by_two_threads_at_once_equal_trees_split_by_one()
    {
        var (vectors, _) = VectorBruteForce.Instance(2000, 13, 5);
        int[] items = [.. Enumerable.Range(0, 13)];
        using var serial = HalfSumTree.OverAllSums(vectors, items, 5);
        using var shared = HalfSumTree.OverAllSums(vectors, items, 5);
        SplitAll(serial, 0);
        // Both threads walk the whole tree, splitting what they meet; they race on every node.
        Parallel.Invoke(() => SplitAll(shared, 0), () => SplitAll(shared, 0));
        Assert.Equal(Walk(serial, 0), Walk(shared, 0));
        Assert.Equal(serial.Points.AsSpan(0, serial.Count * 5).ToArray(), shared.Points.AsSpan(0, shared.Count * 5).ToArray());
        Assert.Equal(serial.Masks.AsSpan(0, serial.Count).ToArray(), shared.Masks.AsSpan(0, shared.Count).ToArray());
    }

    private static void SplitAll(HalfSumTree tree, int node)
    {
        int left = Volatile.Read(ref tree.Left[node]);
        if (left == HalfSumTree.Leaf) return;
        if (left == HalfSumTree.Unsplit) tree.Split(node);
        SplitAll(tree, Volatile.Read(ref tree.Left[node]));
        SplitAll(tree, tree.Right[node]);
    }

    // The tree in depth-first order: each node's range and box (node numbers depend on the order of the splits).
    private static List<string> Walk(HalfSumTree tree, int node)
    {
        int d = tree.Dimension;
        var rows = new List<string>
        {
            $"{tree.Start[node]}-{tree.End[node]} {string.Join(',', tree.Lo.AsSpan(node * d, d).ToArray())} {string.Join(',', tree.Hi.AsSpan(node * d, d).ToArray())}",
        };
        if (tree.Left[node] >= 0)
        {
            rows.AddRange(Walk(tree, tree.Left[node]));
            rows.AddRange(Walk(tree, tree.Right[node]));
        }
        return rows;
    }
}
