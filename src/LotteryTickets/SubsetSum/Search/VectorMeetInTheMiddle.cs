using System.Numerics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// Meet in the middle for vectors: the chosen items are split into halves A and B, all subset sums of each
/// half are listed (2^|A| and 2^|B| points) and stored in k-d trees (<see cref="HalfSumTree"/>), one per subset
/// size when sizes are constrained. The best subset for a target z is then the best pair a + b, found by
/// <see cref="DualTreeSearch{TMetric}"/>. The trees do not depend on the target, so one index answers many
/// targets (the all-targets check queries one index at every grid point).
/// </summary>
internal sealed class VectorMeetInTheMiddle : IDisposable
{
    private readonly int[] _itemsA, _itemsB;
    private readonly HalfSumTree?[] _treesA, _treesB;
    private readonly bool _bySize;

    /// <summary>The trees of half A (one, or one per subset size) and of half B, for tests.</summary>
    internal IReadOnlyList<HalfSumTree?> TreesA => _treesA;

    /// <inheritdoc cref="TreesA"/>
    internal IReadOnlyList<HalfSumTree?> TreesB => _treesB;

    /// <summary>Number of items indexed.</summary>
    public int ItemCount => _itemsA.Length + _itemsB.Length;

    /// <param name="vectors">All vectors (trusted: finite, same dimension).</param>
    /// <param name="items">Which vectors to index (at most 62 per half).</param>
    /// <param name="dimension">Their dimension.</param>
    /// <param name="countA">How many of <paramref name="items"/> go to half A (the first ones); the rest go to B.</param>
    /// <param name="bySize">Build one tree per subset size, so that fixed-size queries are possible.</param>
    /// <param name="parallel">Build the two halves' trees on two threads at once when both are large (at least
    /// <paramref name="parallelMinItems"/> items each, by default <see cref="ParallelMinItems"/>) and the machine has two
    /// cores. The trees are the same either way.</param>
    /// <param name="parallelMinItems">Fewest items per half for a parallel build (tests lower it to compare small builds).</param>
    public VectorMeetInTheMiddle(IReadOnlyList<double[]> vectors, ReadOnlySpan<int> items, int dimension, int countA, bool bySize,
        bool parallel = false, int parallelMinItems = ParallelMinItems)
    {
        _itemsA = items[..countA].ToArray();
        _itemsB = items[countA..].ToArray();
        _bySize = bySize;
        _treesA = _treesB = [];
        if (parallel && Environment.ProcessorCount >= 2 && Math.Min(_itemsA.Length, _itemsB.Length) >= parallelMinItems)
        {
            // Building is most of an exact solve from n = 36 on (about 1.1 s of 1.3 s at n = 40, d = 9), and the halves
            // do not share anything but the read-only vectors.
            HalfSumTree?[]? a = null, b = null;
            Parallel.Invoke(
                () => a = BuildTrees(vectors, _itemsA, dimension, bySize),
                () => b = BuildTrees(vectors, _itemsB, dimension, bySize));
            (_treesA, _treesB) = (a!, b!);
        }
        else
        {
            _treesA = BuildTrees(vectors, _itemsA, dimension, bySize);
            _treesB = BuildTrees(vectors, _itemsB, dimension, bySize);
        }
    }

    /// <summary>Fewest items per half (2^14 sums) for which a parallel build starts a second thread.</summary>
    public const int ParallelMinItems = 14;

    /// <summary>
    /// Bytes the index needs at its peak for halves of sizes <paramref name="countA"/> and <paramref name="countB"/>
    /// in dimension <paramref name="dimension"/>: each half sum takes 8·d bytes for its coordinates and 8 for its mask,
    /// once in enumeration order and once in tree order (the by-size trees; the any-size tree makes its sums block by block
    /// and stores them once), plus about half as much again for the trees' bounding boxes and build scratch. Nodes are made
    /// only when a search descends into them, so one query needs much less (measured peak resident set at n = 42, d = 9:
    /// 374 MiB, against 800 MiB estimated); the estimate still bounds an index whose every node has been split, which many
    /// queries on one index (the all-targets check) can reach.
    /// </summary>
    public static double Bytes(int countA, int countB, int dimension) =>
        (Math.Pow(2, countA) + Math.Pow(2, countB)) * (8.0 * dimension + 8.0) * 2.5;

    private static HalfSumTree?[] BuildTrees(IReadOnlyList<double[]> vectors, int[] items, int dimension, bool bySize)
    {
        // One tree over all sums: they are made block by block while the tree is built, never stored column by column.
        if (!bySize) return [HalfSumTree.OverAllSums(vectors, items, dimension)];
        double[][] columns = HalfSumTree.EnumerateSums(vectors, items, dimension);
        int count = 1 << items.Length;
        try
        {
            // One tree per subset size |T| = s, holding the C(m, s) sums of that size.
            var groups = new List<int>[items.Length + 1];
            for (int s = 0; s <= items.Length; s++) groups[s] = [];
            for (int j = 0; j < count; j++) groups[BitOperations.PopCount((uint)j)].Add(j);
            var trees = new HalfSumTree?[items.Length + 1];
            for (int s = 0; s <= items.Length; s++) trees[s] = new HalfSumTree(columns, groups[s].ToArray(), groups[s].Count);
            return trees;
        }
        finally
        {
            HalfSumTree.ReturnSums(columns);
        }
    }

    /// <summary>Returns the trees' pooled arrays; the index must not be used afterwards.</summary>
    public void Dispose()
    {
        foreach (var tree in _treesA) tree?.Dispose();
        foreach (var tree in _treesB) tree?.Dispose();
    }

    /// <summary>
    /// Looks for a subset (of size <paramref name="size"/> when given; the index must then be built by size)
    /// whose raw error for the search's target is strictly below <paramref name="search"/>'s current best.
    /// Afterwards <paramref name="search"/> holds the best pair; <see cref="Indices"/> turns it into item indices.
    /// </summary>
    public void Search<TMetric>(DualTreeSearch<TMetric> search, int? size) where TMetric : struct, IErrorMetric
    {
        if (size is not int k)
        {
            search.Search(_treesA[0]!, _treesB[0]!);
            return;
        }
        if (!_bySize) throw new InvalidOperationException("A fixed-size query needs an index built by size.");
        // Pairs of trees (|T_A| = j, |T_B| = k - j), most promising first.
        var pairs = new List<(double Bound, int J)>();
        for (int j = Math.Max(0, k - _itemsB.Length); j <= Math.Min(_itemsA.Length, k); j++)
            pairs.Add((search.RootBound(_treesA[j]!, _treesB[k - j]!), j));
        pairs.Sort((x, y) => x.Bound != y.Bound ? x.Bound.CompareTo(y.Bound) : x.J.CompareTo(y.J));
        foreach (var (bound, j) in pairs)
        {
            if (search.Stopped || bound >= search.BestRaw) continue;
            search.Search(_treesA[j]!, _treesB[k - j]!);
        }
    }

    /// <summary>The lower bound of the root pair of the any-size trees for <paramref name="search"/>'s target.</summary>
    public double RootBound<TMetric>(DualTreeSearch<TMetric> search) where TMetric : struct, IErrorMetric =>
        search.RootBound(_treesA[0]!, _treesB[0]!);

    /// <summary>The item indices (ascending) of the half subsets with masks <paramref name="maskA"/> and <paramref name="maskB"/>.</summary>
    public int[] Indices(ulong maskA, ulong maskB)
    {
        var result = new List<int>(BitOperations.PopCount(maskA) + BitOperations.PopCount(maskB));
        for (int k = 0; k < _itemsA.Length; k++) if ((maskA >> k & 1) != 0) result.Add(_itemsA[k]);
        for (int k = 0; k < _itemsB.Length; k++) if ((maskB >> k & 1) != 0) result.Add(_itemsB[k]);
        result.Sort();
        return [.. result];
    }
}
