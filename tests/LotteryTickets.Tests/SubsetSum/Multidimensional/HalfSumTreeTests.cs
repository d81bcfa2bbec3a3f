using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

/// <summary>
/// The half-sum trees split a node only when a search first descends into it (HalfSumTree.Expand). These tests use
/// halves of 12 items (4096 sums: four buckets of about 1024) so that some buckets are split and others are not, and check
/// the search against every pair of half sums.
/// </summary>
public class HalfSumTreeTests
{
    // The smallest max-norm error over every pair (a, b) of half sums: the exhaustive twin of the dual-tree search.
    private static double PairBruteForce(double[][] vectors, double[] target, int countA)
    {
        int n = vectors.Length, d = target.Length;
        double[][] a = HalfSums(vectors[..countA], d), b = HalfSums(vectors[countA..], d);
        double best = double.PositiveInfinity;
        foreach (var x in a)
            foreach (var y in b)
            {
                double acc = 0;
                for (int c = 0; c < d && acc < best; c++) acc = Math.Max(acc, Math.Abs(target[c] - x[c] - y[c]));
                best = Math.Min(best, acc);
            }
        return best;
    }

    private static double[][] HalfSums(double[][] vectors, int d)
    {
        var sums = new double[1 << vectors.Length][];
        sums[0] = new double[d];
        for (int k = 0; k < vectors.Length; k++)
            for (int j = 0; j < 1 << k; j++)
                sums[j + (1 << k)] = [.. sums[j].Zip(vectors[k], (s, x) => s + x)];
        return sums;
    }

    [Fact]
    public void Nodes_split_on_demand_give_the_exhaustive_optimum_whatever_the_query_order()
    {
        for (int seed = 0; seed < 3; seed++)
        {
            int n = 24, d = 3 + 2 * seed;
            var (vectors, first) = VectorBruteForce.Instance(900 + seed, n, d);
            var (_, second) = VectorBruteForce.Instance(950 + seed, n, d);
            int[] items = [.. Enumerable.Range(0, n)];
            using var fresh = new VectorMeetInTheMiddle(vectors, items, d, n / 2, bySize: false);
            using var used = new VectorMeetInTheMiddle(vectors, items, d, n / 2, bySize: false, parallel: true, parallelMinItems: 1);
            Assert.Contains(HalfSumTree.Unsplit, fresh.TreesA[0]!.Left.AsSpan(0, fresh.TreesA[0]!.NodeCount).ToArray());

            // `used` answers another target first, so its trees are split in another order before the second query.
            var earlier = Query(used, first);
            Assert.Equal(PairBruteForce(vectors, first, n / 2), earlier.BestRaw, 12);
            var a = Query(fresh, second);
            var b = Query(used, second);
            Assert.Equal(PairBruteForce(vectors, second, n / 2), a.BestRaw, 12);
            Assert.Equal((a.BestRaw, a.BestMaskA, a.BestMaskB), (b.BestRaw, b.BestMaskA, b.BestMaskB));
            foreach (var tree in used.TreesA.Concat(used.TreesB)) AssertWellFormed(tree!);
        }
    }

    private static DualTreeSearch<MaxMetric> Query(VectorMeetInTheMiddle index, double[] target)
    {
        var search = new DualTreeSearch<MaxMetric>(target, double.PositiveInfinity, 0, new SearchBudget(null, null));
        index.Search(search, null);
        Assert.False(search.Stopped);
        return search;
    }

    // Children split their parent's range; every box holds its node's points and leaves' boxes are tight; every subset
    // mask appears once.
    private static void AssertWellFormed(HalfSumTree tree)
    {
        int d = tree.Dimension;
        Assert.Equal(Enumerable.Range(0, tree.Count).Select(i => (ulong)i), tree.Masks.AsSpan(0, tree.Count).ToArray().Order());
        for (int node = 0; node < tree.NodeCount; node++)
        {
            int left = tree.Left[node], right = tree.Right[node];
            if (left >= 0)
            {
                Assert.True(left > node && right > node);
                Assert.Equal(tree.Start[node], tree.Start[left]);
                Assert.Equal(tree.End[left], tree.Start[right]);
                Assert.Equal(tree.End[node], tree.End[right]);
            }
            for (int c = 0; c < d; c++)
            {
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                for (int p = tree.Start[node]; p < tree.End[node]; p++)
                {
                    lo = Math.Min(lo, tree.Points[p * d + c]);
                    hi = Math.Max(hi, tree.Points[p * d + c]);
                }
                Assert.Equal(lo, tree.Lo[node * d + c]);
                Assert.Equal(hi, tree.Hi[node * d + c]);
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 2)]
    [InlineData(12, 9)]
    [InlineData(13, 4)]
    public void Sums_made_block_by_block_build_the_same_tree_as_stored_columns(int m, int d)
    {
        var (vectors, _) = VectorBruteForce.Instance(40 + m, Math.Max(m, 1), d);
        int[] items = [.. Enumerable.Range(0, m)];
        var columns = HalfSumTree.EnumerateSums(vectors, items, d);
        try
        {
            using var stored = new HalfSumTree(columns, null, 1 << m);
            using var made = HalfSumTree.OverAllSums(vectors, items, d);
            Assert.Equal(stored.NodeCount, made.NodeCount);
            Assert.Equal(stored.Points.AsSpan(0, stored.Count * d).ToArray(), made.Points.AsSpan(0, made.Count * d).ToArray());
            Assert.Equal(stored.Masks.AsSpan(0, stored.Count).ToArray(), made.Masks.AsSpan(0, made.Count).ToArray());
            Assert.Equal(stored.Lo.AsSpan(0, stored.NodeCount * d).ToArray(), made.Lo.AsSpan(0, made.NodeCount * d).ToArray());
            Assert.Equal(stored.Hi.AsSpan(0, stored.NodeCount * d).ToArray(), made.Hi.AsSpan(0, made.NodeCount * d).ToArray());
            AssertWellFormed(made);
        }
        finally
        {
            HalfSumTree.ReturnSums(columns);
        }
    }
}
