using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// A k-d tree over subset sums of one half of the vectors (meet in the middle): every point is Σ_{i∈T} X_i
/// for a subset T of the half, stored with T as a bit mask over the half's items. Nodes split the widest
/// side of their cell near the median, down to leaves of at most <see cref="LeafSize"/> points, and keep
/// their exact bounding box, which is what the branch and bound in <see cref="DualTreeSearch{TMetric}"/> prunes
/// with. Points are stored contiguously in tree order so that a leaf is one block of memory.
/// <para>The build is written for memory traffic, which dominates for large halves (2^20 sums of 9 doubles are 72 MB).
/// A top-down build touches every point once per level; instead, the top levels are chosen on a small sample (medians
/// of the sample), every point is routed once down those levels into a bucket of about <see cref="BucketTarget"/> points
/// (small enough for a core's cache), and one more pass writes every point as a row straight to its bucket's place,
/// keeping each bucket's exact box on the way. Below the buckets, a node is split only when a search first descends into
/// it (<see cref="Split"/>, one level at a time): a search touches a few per cent of the leaves, so most nodes are never
/// made. At n = 40, d = 9 the eager build took about 0.33 s per half (load 8), this one about 0.09 s plus the splits the
/// search asks for (0.05 s for both halves at n = 42, 0.14 s in the hardest benchmark instance); the optimum does not
/// change.</para>
/// <para>Searches split nodes as they go, and several threads may search one tree at once (<see cref="ShiftedSearch{TMetric}"/>):
/// <see cref="Split"/> takes the tree's lock, splits the node if no one has yet, and publishes the split by writing the node's
/// <see cref="Left"/> last, with release semantics, after its children, their boxes and the reordered points are in place.
/// Readers are safe because (1) only the points of an unsplit node are reordered, and a search reads points only of leaves,
/// whose ranges never lie inside an unsplit node; (2) a node's start, end, box and (once published) children never change;
/// (3) node arrays that <see cref="Grow"/> replaces are kept (not returned to the pool) until <see cref="Dispose"/>, so a reader
/// still holding an old array reads valid values, and one that sees a stale <see cref="Unsplit"/> there takes the lock and finds
/// the split made. Whichever thread splits a node, its children are the same (they depend only on the node's points).</para>
/// </summary>
internal sealed class HalfSumTree : IDisposable
{
    /// <summary>Largest number of points in a leaf.</summary>
    public const int LeafSize = 8;

    /// <summary>Points per bucket aimed at by the sampled top levels: fewer levels to route through and a small sample
    /// against finer laziness. Whole solves at n = 40-42, d = 9 took about the same time with 128, 256 and 1024 (load 8-11);
    /// 1024 routes through the fewest levels.</summary>
    private const int BucketTarget = 1024;

    /// <summary>Sample points per bucket used to choose the top levels' split values.</summary>
    private const int SamplePerBucket = 8;

    private const int PivotSample = 15;

    /// <summary>Coordinates per point.</summary>
    public readonly int Dimension;

    /// <summary>Number of points.</summary>
    public readonly int Count;

    /// <summary>Points in tree order, Count × Dimension (row-major; pooled, may be longer).</summary>
    public double[] Points;

    /// <summary>Subset mask (bits over the half's items) of each point, in tree order (pooled, may be longer).</summary>
    public ulong[] Masks;

    /// <summary>First point of each node.</summary>
    public int[] Start = [];

    /// <summary>One past the last point of each node.</summary>
    public int[] End = [];

    /// <summary>Left child of each node, <see cref="Leaf"/> (-1) for a leaf, <see cref="Unsplit"/> (-2) for a bucket not split
    /// yet. Children have larger indices than their parent. The node arrays are replaced when <see cref="Split"/> grows them.</summary>
    public int[] Left = [];

    /// <summary>Right child of each node (<see cref="Leaf"/> or <see cref="Unsplit"/> as in <see cref="Left"/>).</summary>
    public int[] Right = [];

    /// <summary>Lower corner of each node's bounding box, NodeCount × Dimension.</summary>
    public double[] Lo = [];

    /// <summary>Upper corner of each node's bounding box, NodeCount × Dimension.</summary>
    public double[] Hi = [];

    /// <summary>Number of nodes; node 0 is the root.</summary>
    public int NodeCount;

    // The sampled top levels, in heap order: node h has children 2h + 1 and 2h + 2.
    private int _levels;
    private int[] _splitAxis = [];
    private double[] _splitValue = [];
    private int[] _bucketStart = [];

    /// <summary>
    /// Builds the tree over the subset sums <paramref name="rows"/> of <paramref name="columns"/> (column c holds
    /// coordinate c of every sum; the index of a sum is its subset mask); <paramref name="rows"/> null means all
    /// sums 0..count-1. <paramref name="count"/> must be at least 1; the inputs are left unchanged. The tree's arrays
    /// are pooled: <see cref="Dispose"/> returns them.
    /// </summary>
    public HalfSumTree(double[][] columns, int[]? rows, int count) : this(SumSource.FromColumns(columns, rows, count))
    {
    }

    /// <summary>
    /// Builds the tree over all 2^m subset sums of the vectors <paramref name="items"/> (m = items.Length, 1 &lt;= m &lt;= 30)
    /// without storing them column by column first: the sums are made again, block by block in the cache, for each of the
    /// two passes. Sum j (whose bits say which items are in) equals bit for bit entry j of <see cref="EnumerateSums"/>, so
    /// the tree is the same as the one built from those columns, with less memory (8·d bytes per sum) and memory traffic.
    /// </summary>
    public static HalfSumTree OverAllSums(IReadOnlyList<double[]> vectors, ReadOnlySpan<int> items, int dimension) =>
        new(SumSource.Generate(vectors, items, dimension));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private HalfSumTree(SumSource source)
    {
        int d = source.Dimension;
        Dimension = d;
        Count = source.Count;
        _levels = 0;
        while ((BucketTarget << (_levels + 1)) <= Count && _levels < MaxTopLevels) _levels++;
        // The top levels take about two nodes per bucket. A fully split bucket takes about 0.4 nodes per point (leaves of
        // LeafSize / 2 to LeafSize points), but searches split only the nodes they descend into (about 32 000 at n = 42,
        // 110 000 at worst in the benchmark): room for Count / 8 to begin with; Grow doubles the arrays when needed.
        int capacity = _nodeCapacity = 2 * (1 << _levels) + Count / 8 + 16;
        Start = SumBuffers.Rent<int>(capacity);
        End = SumBuffers.Rent<int>(capacity);
        Left = SumBuffers.Rent<int>(capacity);
        Right = SumBuffers.Rent<int>(capacity);
        Lo = SumBuffers.Rent<double>(capacity * d);
        Hi = SumBuffers.Rent<double>(capacity * d);

        var cellLo = new double[d];
        var cellHi = new double[d];
        ushort[] bucketOf = [];
        if (_levels == 0) _bucketStart = [0, Count];
        else bucketOf = Bucketize(source, cellLo, cellHi);

        // One pass writes every sum, as a row, straight to its place in bucket order (stable within a bucket). Rows are
        // read in order, column by column, and each point is written once as one block of 8·d bytes; gathering instead
        // (point after point, column after column) would make d random reads per point.
        Points = SumBuffers.Rent<double>(Count * d);
        Masks = SumBuffers.Rent<ulong>(Count);
        _bucketLo = SumBuffers.Rent<double>(d * (_bucketStart.Length - 1));
        _bucketHi = SumBuffers.Rent<double>(d * (_bucketStart.Length - 1));
        Scatter(source, bucketOf);
        SumBuffers.Return(ref bucketOf);
        source.Dispose();

        MakeTop(0, 0, cellLo, cellHi);
        SumBuffers.Return(ref _bucketLo);
        SumBuffers.Return(ref _bucketHi);
    }

    // Exact boxes of the buckets (bucket × Dimension), found while scattering; they become the bucket nodes' boxes.
    private double[] _bucketLo = [], _bucketHi = [];

    /// <summary>Most sampled top levels: 2^14 buckets, so that a bucket number fits in 16 bits.</summary>
    private const int MaxTopLevels = 14;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scatter(SumSource source, ushort[] bucketOf)
    {
        int d = Dimension;
        double[] points = Points;
        ulong[] masks = Masks;
        double[] lo = _bucketLo, hi = _bucketHi;
        int[] next = (int[])_bucketStart.Clone();
        Array.Fill(lo, double.PositiveInfinity, 0, d * (next.Length - 1));
        Array.Fill(hi, double.NegativeInfinity, 0, d * (next.Length - 1));
        bool one = bucketOf.Length == 0;
        for (int block = 0, j = 0; block < source.BlockCount; block++)
        {
            double[][] columns = source.Block(block, out int[]? rows, out int first, out int length);
            for (int i = 0; i < length; i++, j++)
            {
                int r = rows is null ? i : rows[j];
                int b = one ? 0 : bucketOf[j];
                int p = next[b]++;
                int o = p * d, box = b * d;
                for (int c = 0; c < d; c++)
                {
                    double v = columns[c][r];
                    points[o + c] = v;
                    if (v < lo[box + c]) lo[box + c] = v;
                    if (v > hi[box + c]) hi[box + c] = v;
                }
                masks[p] = rows is null ? (ulong)(first + i) : (ulong)r;
            }
        }
    }

    // Nodes the node arrays (Start..Right, and Lo, Hi times Dimension) have room for; pooled arrays may be longer.
    private int _nodeCapacity;

    /// <summary>Returns the pooled arrays; the tree must not be used afterwards.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _retiredInts.Count; i++) { int[] old = _retiredInts[i]; SumBuffers.Return(ref old); }
        for (int i = 0; i < _retiredDoubles.Count; i++) { double[] old = _retiredDoubles[i]; SumBuffers.Return(ref old); }
        _retiredInts.Clear();
        _retiredDoubles.Clear();
        SumBuffers.Return(ref Points);
        SumBuffers.Return(ref Masks);
        SumBuffers.Return(ref Start);
        SumBuffers.Return(ref End);
        SumBuffers.Return(ref Left);
        SumBuffers.Return(ref Right);
        SumBuffers.Return(ref Lo);
        SumBuffers.Return(ref Hi);
    }

    /// <summary>
    /// All 2^m subset sums of the vectors <paramref name="items"/> (m &lt;= 30), column by column, built by
    /// doubling: sums[j + 2^k] = sums[j] + X_{items[k]}, so bit k of the index j says whether item k is in the subset.
    /// The columns are pooled (and may be longer than 2^m): give them back with <see cref="ReturnSums"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] EnumerateSums(IReadOnlyList<double[]> vectors, ReadOnlySpan<int> items, int dimension)
    {
        int count = 1 << items.Length;
        var columns = new double[dimension][];
        for (int c = 0; c < dimension; c++)
        {
            var col = SumBuffers.Rent<double>(count);
            col[0] = 0;
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

    /// <summary>Returns the columns of <see cref="EnumerateSums"/> to the pool.</summary>
    public static void ReturnSums(double[][] columns)
    {
        for (int c = 0; c < columns.Length; c++) SumBuffers.Return(ref columns[c]);
    }

    // Chooses the top levels on a sample, routes every row to its bucket and returns the rows in bucket order.
    // The root cell is the sample's bounding box (cells only choose split axes, so an estimate is enough).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ushort[] Bucketize(SumSource source, double[] cellLo, double[] cellHi)
    {
        int d = Dimension, buckets = 1 << _levels;
        int sampleSize = Math.Min(Count, SamplePerBucket * buckets);
        var sample = SumBuffers.Rent<double>(sampleSize * d);
        ulong state = 0x9E3779B97F4A7C15UL; // fixed xorshift stream: the tree is the same on every run
        for (int s = 0; s < sampleSize; s++)
        {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            source.Row((int)(state % (ulong)Count), sample.AsSpan(s * d, d));
        }
        for (int c = 0; c < d; c++) { cellLo[c] = double.PositiveInfinity; cellHi[c] = double.NegativeInfinity; }
        for (int s = 0; s < sampleSize; s++)
            for (int c = 0; c < d; c++)
            {
                double v = sample[s * d + c];
                if (v < cellLo[c]) cellLo[c] = v;
                if (v > cellHi[c]) cellHi[c] = v;
            }
        _splitAxis = new int[buckets - 1];
        _splitValue = new double[buckets - 1];
        ChooseTop(sample, 0, 0, sampleSize, 0, (double[])cellLo.Clone(), (double[])cellHi.Clone());
        SumBuffers.Return(ref sample);

        // Route every row down the top levels (rows are near-sequential, so each column is read in order).
        var bucketOf = SumBuffers.Rent<ushort>(Count);
        var counts = new int[buckets + 1];
        for (int block = 0, j = 0; block < source.BlockCount; block++)
        {
            double[][] columns = source.Block(block, out int[]? rows, out _, out int length);
            for (int i = 0; i < length; i++, j++)
            {
                int r = rows is null ? i : rows[j], h = 0;
                for (int level = 0; level < _levels; level++)
                    h = 2 * h + (columns[_splitAxis[h]][r] > _splitValue[h] ? 2 : 1);
                int b = h - (buckets - 1);
                bucketOf[j] = (ushort)b;
                counts[b + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) counts[b + 1] += counts[b];
        _bucketStart = counts;
        return bucketOf;
    }

    private void ChooseTop(double[] sample, int h, int start, int end, int level, double[] cellLo, double[] cellHi)
    {
        if (level == _levels) return;
        int axis = WidestAxis(cellLo, cellHi);
        int mid = (start + end) >> 1;
        double value;
        if (end - start >= 2)
        {
            SelectRows(sample, Dimension, axis, start, end - 1, mid);
            value = sample[mid * Dimension + axis];
        }
        else value = (cellLo[axis] + cellHi[axis]) / 2;
        _splitAxis[h] = axis;
        _splitValue[h] = value;
        double saved = cellHi[axis];
        cellHi[axis] = value;
        ChooseTop(sample, 2 * h + 1, start, Math.Max(start, mid), level + 1, cellLo, cellHi);
        cellHi[axis] = saved;
        saved = cellLo[axis];
        cellLo[axis] = value;
        ChooseTop(sample, 2 * h + 2, Math.Min(mid, end), end, level + 1, cellLo, cellHi);
        cellLo[axis] = saved;
    }

    // The tree nodes for heap node h of the top levels: a bucket becomes an in-place subtree; a heap node with an
    // empty side is skipped (its other side takes its place). Returns the node index, or -1 for an empty range.
    private int MakeTop(int h, int level, double[] cellLo, double[] cellHi)
    {
        int first = h, last = h;
        for (int l = level; l < _levels; l++) { first = 2 * first + 1; last = 2 * last + 2; }
        int buckets = 1 << _levels;
        int start = _bucketStart[first - (buckets - 1)], end = _bucketStart[last - (buckets - 1) + 1];
        if (start == end) return -1;
        if (level == _levels)
        {
            // A bucket: only its box now; it is split when a search first descends into it.
            int bucket = NewNode(start, end);
            int mark = end - start <= LeafSize ? Leaf : Unsplit;
            Left[bucket] = mark;
            Right[bucket] = mark;
            int from = (first - (buckets - 1)) * Dimension;
            Array.Copy(_bucketLo, from, Lo, bucket * Dimension, Dimension);
            Array.Copy(_bucketHi, from, Hi, bucket * Dimension, Dimension);
            return bucket;
        }
        int axis = _splitAxis[h];
        double value = _splitValue[h];
        int leftFirst = 2 * h + 1, leftLast = 2 * h + 1;
        for (int l = level + 1; l < _levels; l++) { leftFirst = 2 * leftFirst + 1; leftLast = 2 * leftLast + 2; }
        int mid = _bucketStart[leftLast - (buckets - 1) + 1];
        double saved;
        if (mid == start || mid == end)
        {
            // One side is empty: continue with the other one without a node for this level.
            bool left = mid == end;
            double[] cell = left ? cellHi : cellLo;
            saved = cell[axis];
            cell[axis] = value;
            int only = MakeTop(left ? 2 * h + 1 : 2 * h + 2, level + 1, cellLo, cellHi);
            cell[axis] = saved;
            return only;
        }
        int node = NewNode(start, end);
        saved = cellHi[axis];
        cellHi[axis] = value;
        int leftChild = MakeTop(2 * h + 1, level + 1, cellLo, cellHi);
        Left[node] = leftChild; // after the call: it may grow the arrays
        cellHi[axis] = saved;
        saved = cellLo[axis];
        cellLo[axis] = value;
        int rightChild = MakeTop(2 * h + 2, level + 1, cellLo, cellHi);
        Right[node] = rightChild; // after the call: it may grow the arrays
        cellLo[axis] = saved;
        UnionBox(node);
        return node;
    }

    /// <summary>Value of <see cref="Left"/> and <see cref="Right"/> for a leaf.</summary>
    public const int Leaf = -1;

    /// <summary>
    /// Value of <see cref="Left"/> and <see cref="Right"/> for a node of more than <see cref="LeafSize"/> points not split
    /// yet: its box is exact but its children exist only after <see cref="Split"/>. A search looks at a few per cent of
    /// the points' leaves (measured 0.6 to 5 % at n = 40 to 42, d = 9), so most nodes are never split.
    /// </summary>
    public const int Unsplit = -2;

    // Serializes splits (and the node arrays' growth) of this tree; reads take no lock.
    private readonly Lock _splitLock = new();

    /// <summary>
    /// Splits the node <paramref name="node"/> unless some thread has already: callers read <see cref="Left"/> with
    /// <see cref="Volatile.Read{T}(ref readonly T)"/>, call this when it is <see cref="Unsplit"/>, and read the children after.
    /// Safe while other threads search the tree (see the class remarks).
    /// </summary>
    public void Split(int node)
    {
        lock (_splitLock)
        {
            if (Left[node] == Unsplit) Expand(node);
        }
    }

    /// <summary>
    /// Splits the node <paramref name="node"/> (whose <see cref="Left"/> is <see cref="Unsplit"/>) into two children near
    /// the median of the widest side of its box, with their exact boxes; children of more than <see cref="LeafSize"/>
    /// points are left unsplit in turn. New nodes are appended (the node arrays may be replaced) and the node's points are
    /// reordered in place. The children depend only on the node's points, not on when it is expanded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Expand(int node)
    {
        int d = Dimension, start = Start[node], end = End[node];
        int axis = 0;
        double widest = -1;
        for (int c = 0, box = node * d; c < d; c++)
        {
            double w = Hi[box + c] - Lo[box + c];
            if (w > widest) { widest = w; axis = c; }
        }
        int mid = PartitionRows(axis, start, end, out _);
        int left = NewChild(start, mid), right = NewChild(mid, end);
        // Left last, released: a reader that sees the children sees everything they are made of.
        Right[node] = right;
        Volatile.Write(ref Left[node], left);
    }

    private int NewChild(int start, int end)
    {
        int node = NewNode(start, end);
        int mark = end - start <= LeafSize ? Leaf : Unsplit;
        Left[node] = mark;
        Right[node] = mark;
        LeafBox(node);
        return node;
    }

    private int NewNode(int start, int end)
    {
        if (NodeCount == _nodeCapacity) Grow();
        int node = NodeCount++;
        Start[node] = start;
        End[node] = end;
        return node;
    }

    private static int WidestAxis(double[] cellLo, double[] cellHi)
    {
        int axis = 0;
        double widest = -1;
        for (int c = 0; c < cellLo.Length; c++)
        {
            double w = cellHi[c] - cellLo[c];
            if (w > widest) { widest = w; axis = c; }
        }
        return axis;
    }

    // One Hoare partition pass over rows [start, end) around the median of a small evenly spaced sample of their
    // keys (close to the true median for these smooth point clouds, at a third of the cost of an exact selection).
    // Returns the first row of the right part: rows before it have key <= cut, rows from it on have key >= cut.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PartitionRows(int axis, int start, int end, out double cut)
    {
        double[] pts = Points;
        int d = Dimension, count = end - start;
        if (count <= 64)
        {
            // Small range: median of three.
            double a = pts[start * d + axis], b = pts[(start + count / 2) * d + axis], c = pts[(end - 1) * d + axis];
            cut = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
        }
        else
        {
            Span<double> sample = stackalloc double[PivotSample];
            int m = Math.Min(PivotSample, count);
            for (int s = 0; s < m; s++) sample[s] = pts[(start + (int)((2L * s + 1) * count / (2 * m))) * d + axis];
            sample = sample[..m];
            sample.Sort();
            cut = sample[m / 2];
        }
        int i = start, j = end - 1;
        while (true)
        {
            while (i <= j && pts[i * d + axis] < cut) i++;
            while (i <= j && pts[j * d + axis] > cut) j--;
            if (i >= j) break;
            SwapRows(i, j);
            i++;
            j--;
        }
        // Rows [start, i) have key <= cut and rows (j, end) have key >= cut; equal keys may sit on either side.
        int split = Math.Max(i, j + 1);
        if (split <= start || split >= end) split = start + count / 2; // all keys equal to the cut: any split is valid
        return split;
    }

    private void SwapRows(int i, int j)
    {
        int d = Dimension;
        double[] pts = Points;
        for (int c = 0, a = i * d, b = j * d; c < d; c++, a++, b++) (pts[a], pts[b]) = (pts[b], pts[a]);
        (Masks[i], Masks[j]) = (Masks[j], Masks[i]);
    }

    // Hoare's selection on the rows of a small row-major array: afterwards row k holds the k-th smallest key.
    private static void SelectRows(double[] rowsData, int d, int axis, int left, int right, int k)
    {
        while (right > left)
        {
            double a = rowsData[left * d + axis], b = rowsData[((left + right) >> 1) * d + axis], c = rowsData[right * d + axis];
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = left, j = right;
            while (i <= j)
            {
                while (rowsData[i * d + axis] < pivot) i++;
                while (rowsData[j * d + axis] > pivot) j--;
                if (i <= j)
                {
                    for (int c2 = 0, x = i * d, y = j * d; c2 < d; c2++, x++, y++) (rowsData[x], rowsData[y]) = (rowsData[y], rowsData[x]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }

    // The tight box of the points of a node, from the points themselves. For d >= 4 the coordinates go four at a time
    // (chunks at 0, 4, ... and a last one ending at d, overlapping the one before: min and max do not mind), which also
    // avoids the mispredicted branches of a scalar min/max.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LeafBox(int node)
    {
        int d = Dimension, box = node * d;
        double[] pts = Points, lo = Lo, hi = Hi;
        int p0 = Start[node] * d, last = End[node] * d;
        if (d >= 4 && Vector256.IsHardwareAccelerated)
        {
            ref double points = ref MemoryMarshal.GetArrayDataReference(pts);
            for (int c = 0; c < d; c = c + 4 >= d ? d : Math.Min(c + 4, d - 4))
            {
                var vLo = Vector256.LoadUnsafe(ref points, (nuint)(p0 + c));
                var vHi = vLo;
                for (int p = p0 + d + c; p < last; p += d)
                {
                    var v = Vector256.LoadUnsafe(ref points, (nuint)p);
                    vLo = Vector256.MinNative(vLo, v);
                    vHi = Vector256.MaxNative(vHi, v);
                }
                vLo.CopyTo(lo.AsSpan(box + c, 4));
                vHi.CopyTo(hi.AsSpan(box + c, 4));
            }
            return;
        }
        for (int c = 0; c < d; c++) { lo[box + c] = pts[p0 + c]; hi[box + c] = pts[p0 + c]; }
        for (int p = p0 + d; p < last; p += d)
            for (int c = 0; c < d; c++)
            {
                double v = pts[p + c];
                if (v < lo[box + c]) lo[box + c] = v;
                else if (v > hi[box + c]) hi[box + c] = v;
            }
    }

    // The box of an inner node: the union of its children's boxes.
    private void UnionBox(int node)
    {
        int d = Dimension, box = node * d, lb = Left[node] * d, rb = Right[node] * d;
        double[] lo = Lo, hi = Hi;
        for (int c = 0; c < d; c++)
        {
            lo[box + c] = Math.Min(lo[lb + c], lo[rb + c]);
            hi[box + c] = Math.Max(hi[lb + c], hi[rb + c]);
        }
    }

    // Arrays replaced by Grow: another thread may still be reading them, so they go back to the pool only in Dispose
    // (together they are smaller than the arrays in use, since each growth doubles).
    private readonly List<int[]> _retiredInts = [];
    private readonly List<double[]> _retiredDoubles = [];

    private void Grow()
    {
        int capacity = _nodeCapacity = 2 * _nodeCapacity;
        Volatile.Write(ref Start, Grown(Start, capacity));
        Volatile.Write(ref End, Grown(End, capacity));
        Volatile.Write(ref Left, Grown(Left, capacity));
        Volatile.Write(ref Right, Grown(Right, capacity));
        Volatile.Write(ref Lo, Grown(Lo, capacity * Dimension, NodeCount * Dimension));
        Volatile.Write(ref Hi, Grown(Hi, capacity * Dimension, NodeCount * Dimension));
    }

    private double[] Grown(double[] array, int capacity, int used)
    {
        double[] larger = SumBuffers.Rent<double>(capacity);
        Array.Copy(array, larger, used);
        if (array.Length > 0) _retiredDoubles.Add(array);
        return larger;
    }

    private int[] Grown(int[] array, int capacity)
    {
        int[] larger = SumBuffers.Rent<int>(capacity);
        Array.Copy(array, larger, NodeCount);
        if (array.Length > 0) _retiredInts.Add(array);
        return larger;
    }

    /// <summary>
    /// The subset sums a tree is built from, handed out in blocks of columns: either given columns (with an optional list
    /// of rows), or all 2^m sums of m items made block by block: the sums of the low <see cref="LowBits"/> items are listed
    /// once by doubling, and block h adds the high items of h to them, lowest first, exactly as the doubling of
    /// <see cref="EnumerateSums"/> would (so the values are the same bit for bit).
    /// </summary>
    private sealed class SumSource : IDisposable
    {
        public const int LowBits = 10;

        public int Dimension, Count, BlockCount;
        private double[][] _columns = [];
        private int[]? _rows;
        private double[][] _low = [], _block = [];
        private double[][] _high = [];
        private int _blockSize;

        public static SumSource FromColumns(double[][] columns, int[]? rows, int count) =>
            new() { Dimension = columns.Length, Count = count, BlockCount = 1, _columns = columns, _rows = rows, _blockSize = count };

        public static SumSource Generate(IReadOnlyList<double[]> vectors, ReadOnlySpan<int> items, int dimension)
        {
            int low = Math.Min(LowBits, items.Length);
            var source = new SumSource
            {
                Dimension = dimension,
                Count = 1 << items.Length,
                BlockCount = 1 << (items.Length - low),
                _blockSize = 1 << low,
                _low = EnumerateSums(vectors, items[..low], dimension),
                _high = new double[items.Length - low][],
            };
            for (int k = low; k < items.Length; k++) source._high[k - low] = vectors[items[k]];
            source._block = new double[dimension][];
            for (int c = 0; c < dimension; c++) source._block[c] = SumBuffers.Rent<double>(source._blockSize);
            return source;
        }

        /// <summary>The columns of block <paramref name="block"/>: row i of the block is column[c][i] when
        /// <paramref name="rows"/> is null (its mask is <paramref name="first"/> + i), else column[c][rows[i]] (mask rows[i]).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double[][] Block(int block, out int[]? rows, out int first, out int length)
        {
            length = _blockSize;
            first = block * _blockSize;
            if (_high.Length == 0 && _low.Length == 0) { rows = _rows; return _columns; }
            rows = null;
            for (int c = 0; c < Dimension; c++)
            {
                double[] target = _block[c];
                Array.Copy(_low[c], target, _blockSize);
                for (int k = 0; k < _high.Length; k++)
                {
                    if ((block >> k & 1) == 0) continue;
                    double x = _high[k][c];
                    var span = target.AsSpan(0, _blockSize);
                    // Element by element, as the doubling does: target[i] = target[i] + x.
                    int i = 0;
                    if (Vector256.IsHardwareAccelerated)
                    {
                        var vx = Vector256.Create(x);
                        for (; i + 4 <= span.Length; i += 4)
                            (Vector256.Create<double>(span.Slice(i, 4)) + vx).CopyTo(span.Slice(i, 4));
                    }
                    for (; i < span.Length; i++) span[i] += x;
                }
            }
            return _block;
        }

        /// <summary>Sum number <paramref name="index"/> (its mask when no rows are given, else rows[index]).</summary>
        public void Row(int index, Span<double> row)
        {
            if (_low.Length == 0)
            {
                int r = _rows is null ? index : _rows[index];
                for (int c = 0; c < Dimension; c++) row[c] = _columns[c][r];
                return;
            }
            int lo = index & (_blockSize - 1), hi = index >> BitOperations.TrailingZeroCount(_blockSize);
            for (int c = 0; c < Dimension; c++)
            {
                double v = _low[c][lo];
                for (int k = 0; k < _high.Length; k++)
                    if ((hi >> k & 1) != 0) v += _high[k][c];
                row[c] = v;
            }
        }

        public void Dispose()
        {
            if (_low.Length > 0) ReturnSums(_low);
            for (int c = 0; c < _block.Length; c++) SumBuffers.Return(ref _block[c]);
        }
    }
}
