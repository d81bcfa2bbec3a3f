using System.Runtime.CompilerServices;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// A k-d tree over subset sums of one half of the vectors (meet in the middle): every point is Σ_{i∈T} X_i
/// for a subset T of the half, stored with T as a bit mask over the half's items. Nodes split the widest
/// side of their cell near the median, down to leaves of at most <see cref="LeafSize"/> points, and keep
/// their exact bounding box, which is what the branch and bound in <see cref="DualTreeSearch{TMetric}"/> prunes
/// with. Points are stored contiguously in tree order so that a leaf is one block of memory.
/// <para>The build is written for memory traffic, which dominates on large halves: the sums come column by
/// column, each split reads only one column (through a permutation, so no rows move), rows are gathered into
/// tree order once at the end, and bounding boxes are computed bottom-up in one pass.</para>
/// </summary>
internal sealed class HalfSumTree
{
    /// <summary>Largest number of points in a leaf.</summary>
    public const int LeafSize = 8;

    private const int SampleSize = 15;

    /// <summary>Coordinates per point.</summary>
    public readonly int Dimension;

    /// <summary>Number of points.</summary>
    public readonly int Count;

    /// <summary>Points in tree order, Count × Dimension (row-major).</summary>
    public readonly double[] Points;

    /// <summary>Subset mask (bits over the half's items) of each point, in tree order.</summary>
    public readonly ulong[] Masks;

    /// <summary>First point of each node.</summary>
    public int[] Start = [];

    /// <summary>One past the last point of each node.</summary>
    public int[] End = [];

    /// <summary>Left child of each node, -1 for a leaf. Children have larger indices than their parent.</summary>
    public int[] Left = [];

    /// <summary>Right child of each node, -1 for a leaf.</summary>
    public int[] Right = [];

    /// <summary>Lower corner of each node's bounding box, NodeCount × Dimension.</summary>
    public double[] Lo = [];

    /// <summary>Upper corner of each node's bounding box, NodeCount × Dimension.</summary>
    public double[] Hi = [];

    /// <summary>Number of nodes; node 0 is the root.</summary>
    public int NodeCount;

    // Build scratch: the source index of each position, and the keys of the axis being split.
    private readonly int[] _perm;
    private readonly double[] _keys;

    /// <summary>
    /// Builds the tree over the subset sums <paramref name="rows"/> of <paramref name="columns"/>
    /// (column c holds coordinate c of every sum; the index of a sum is its subset mask). <paramref name="rows"/>
    /// must not be empty; the inputs are left unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public HalfSumTree(double[][] columns, int[] rows)
    {
        int d = columns.Length;
        Dimension = d;
        Count = rows.Length;
        int capacity = 2 * (Count / (LeafSize / 2) + 2);
        Start = new int[capacity];
        End = new int[capacity];
        Left = new int[capacity];
        Right = new int[capacity];
        _perm = (int[])rows.Clone();
        _keys = new double[Count];

        var cellLo = new double[d];
        var cellHi = new double[d];
        for (int c = 0; c < d; c++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            double[] col = columns[c];
            foreach (int r in rows)
            {
                double v = col[r];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            cellLo[c] = lo;
            cellHi[c] = hi;
        }
        Split(columns, 0, Count, cellLo, cellHi);

        // One gather puts the rows in tree order.
        Points = new double[Count * d];
        Masks = new ulong[Count];
        int[] perm = _perm;
        double[] points = Points;
        for (int c = 0; c < d; c++)
        {
            double[] col = columns[c];
            for (int i = 0, p = c; i < perm.Length; i++, p += d) points[p] = col[perm[i]];
        }
        for (int i = 0; i < Count; i++) Masks[i] = (ulong)_perm[i];
        ComputeBoxes();
    }

    /// <summary>
    /// All 2^m subset sums of the vectors <paramref name="items"/> (m &lt;= 30), column by column, built by
    /// doubling: sums[j + 2^k] = sums[j] + X_{items[k]}, so bit k of the index j says whether item k is in the subset.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] EnumerateSums(IReadOnlyList<double[]> vectors, ReadOnlySpan<int> items, int dimension)
    {
        int count = 1 << items.Length;
        var columns = new double[dimension][];
        for (int c = 0; c < dimension; c++)
        {
            var col = new double[count];
            for (int k = 0; k < items.Length; k++)
            {
                double x = vectors[items[k]][c];
                int half = 1 << k;
                for (int j = 0; j < half; j++) col[j + half] = col[j] + x;
            }
            columns[c] = col;
        }
        return columns;
    }

    // Splits top-down along the widest side of the node's cell (the root's bounding box cut at the split
    // values above it). Nodes are numbered in preorder, so children come after their parent.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Split(double[][] columns, int start, int end, double[] cellLo, double[] cellHi)
    {
        if (NodeCount == Start.Length) Grow();
        int node = NodeCount++;
        Start[node] = start;
        End[node] = end;
        if (end - start <= LeafSize)
        {
            Left[node] = -1;
            Right[node] = -1;
            return;
        }
        int axis = 0;
        double widest = -1;
        for (int c = 0; c < cellLo.Length; c++)
        {
            double w = cellHi[c] - cellLo[c];
            if (w > widest) { widest = w; axis = c; }
        }
        double[] col = columns[axis], keys = _keys;
        int[] perm = _perm;
        for (int i = start; i < end; i++) keys[i] = col[perm[i]];
        int mid = Partition(start, end, out double cut);
        double savedHi = cellHi[axis];
        cellHi[axis] = cut;
        Left[node] = NodeCount;
        Split(columns, start, mid, cellLo, cellHi);
        cellHi[axis] = savedHi;
        double savedLo = cellLo[axis];
        cellLo[axis] = cut;
        Right[node] = NodeCount;
        Split(columns, mid, end, cellLo, cellHi);
        cellLo[axis] = savedLo;
    }

    // One Hoare partition pass over the keys (and the permutation beside them) around the median of a small
    // evenly spaced sample of the keys: close to the true median for these smooth point clouds, at a third of
    // the cost of an exact selection. Returns the first position of the right part: positions before it have
    // key <= cut, positions from it on have key >= cut.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Partition(int start, int end, out double cut)
    {
        double[] keys = _keys;
        int[] perm = _perm;
        int count = end - start;
        Span<double> sample = stackalloc double[SampleSize];
        int m = Math.Min(SampleSize, count);
        for (int s = 0; s < m; s++) sample[s] = keys[start + (int)((2L * s + 1) * count / (2 * m))];
        sample = sample[..m];
        sample.Sort();
        cut = sample[m / 2];
        int i = start, j = end - 1;
        while (true)
        {
            while (i <= j && keys[i] < cut) i++;
            while (i <= j && keys[j] > cut) j--;
            if (i >= j) break;
            (keys[i], keys[j]) = (keys[j], keys[i]);
            (perm[i], perm[j]) = (perm[j], perm[i]);
            i++;
            j--;
        }
        // Positions [start, i) have key <= cut and (j, end) have key >= cut; equal keys may sit on either side.
        int split = Math.Max(i, j + 1);
        if (split <= start || split >= end) split = start + count / 2; // all keys equal to the cut: any split is valid
        return split;
    }

    // Tight boxes bottom-up: children have larger indices, so a reverse sweep sees them before their parent.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeBoxes()
    {
        int d = Dimension;
        Lo = new double[NodeCount * d];
        Hi = new double[NodeCount * d];
        for (int node = NodeCount - 1; node >= 0; node--)
        {
            int box = node * d;
            int left = Left[node];
            if (left < 0)
            {
                Span<double> lo = Lo.AsSpan(box, d), hi = Hi.AsSpan(box, d);
                Points.AsSpan(Start[node] * d, d).CopyTo(lo);
                Points.AsSpan(Start[node] * d, d).CopyTo(hi);
                for (int i = Start[node] + 1; i < End[node]; i++)
                {
                    ReadOnlySpan<double> row = Points.AsSpan(i * d, d);
                    for (int c = 0; c < row.Length && c < lo.Length && c < hi.Length; c++)
                    {
                        double v = row[c];
                        if (v < lo[c]) lo[c] = v;
                        if (v > hi[c]) hi[c] = v;
                    }
                }
            }
            else
            {
                int lb = left * d, rb = Right[node] * d;
                for (int c = 0; c < d; c++)
                {
                    Lo[box + c] = Math.Min(Lo[lb + c], Lo[rb + c]);
                    Hi[box + c] = Math.Max(Hi[lb + c], Hi[rb + c]);
                }
            }
        }
    }

    private void Grow()
    {
        int capacity = 2 * Start.Length;
        Array.Resize(ref Start, capacity);
        Array.Resize(ref End, capacity);
        Array.Resize(ref Left, capacity);
        Array.Resize(ref Right, capacity);
    }
}
