using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The k-tree (generalized birthday) search behind <see cref="VectorSubsetSumMethod.KTree"/>, for real vectors
/// (Wagner 2002, "A generalized birthday problem"; for approximate matches, Both and May 2017).
/// <para>
/// The m candidates are split into 2^a groups ("leaves") of 6 to 11, dealt by decreasing norm so that every leaf gets one
/// of the largest vectors, one of the next, and so on; each leaf lists all subset sums of its group. A balanced binary tree
/// over the leaves gives every node a share τ of the target: its conditional mean given that the whole sum hits the target,
/// under the Gaussian approximation of a random subset sum (τ_A = μ_A + (τ − μ_A − μ_B)·σ_A² / (σ_A² + σ_B²) per
/// coordinate). Bottom-up, each node merges its children's lists: of all pairs a + b it keeps those whose coordinates fall
/// in windows around τ, about <see cref="KTreePlan.Caps"/> of them. The windows come from quantiles of sampled pairs:
/// coordinates are narrowed in turn, a few per level, each to its share of the tree's bits of precision; those narrowed
/// below stay within their window, and those not yet narrowed stay near τ (without that centring they drift and the root
/// finds nothing). A finished left child is re-centred on its actual mean and its sibling's target moved to match. The
/// root searches its children's lists for the pair nearest the target. Back-pointers give the subset.
/// </para>
/// <para>
/// Lists hold residuals r = (partial sum) − τ_node in single precision, in units of the root's spread, one row of
/// <c>stride</c> floats per entry (d rounded up to a multiple of 4, padded with zeros), so a pair is tested with two or
/// three vector instructions. A node's residual is the sum of its children's, since τ_node = τ_A + τ_B. Joins sort one list
/// into a grid over a few narrow coordinates (a counting sort) and scan, for each entry of the other, only the cells its
/// window can reach. The caller recomputes the chosen subset's error in double precision. Every step is deterministic for a
/// given seed.
/// </para>
/// </summary>
internal sealed class KTreeSearch
{
    private readonly IReadOnlyList<double[]> _vectors;
    private readonly double[] _target;
    private readonly int _m, _d, _stride;
    private readonly KTreePlan _plan;
    private readonly bool _euclidean;

    // Per tree node in heap order (root 1, children 2k and 2k + 1, leaves 2^a .. 2^(a+1) − 1).
    private int[][] _members = [];
    private double[][] _tau = [];
    private int[][] _left = [], _right = [];

    // Per level (leaves 0, root a): the coordinates it narrows and the share each keeps, fixed by the level's first node.
    private List<(int Coordinate, double Share)>?[] _levelPlans = [];
    private CoordinateSchedule _schedule = new(0, 0);
    private Random _rng = new(0);
    private double _scale = 1; // rows are in units of the root's largest standard deviation, so floats neither overflow nor underflow
    private NodeList? _built;
    private double[][] _mean = [], _variance = [];

    /// <summary>Tuning aid: receives one line per merge and root attempt when set.</summary>
    internal static Action<string>? Trace;

    /// <summary>List entries produced (the unit of the work budget).</summary>
    public long Entries { get; private set; }

    /// <summary>Candidate pairs tested by the joins and the root (the cost of the windows).</summary>
    public long Scanned { get; private set; }

    /// <summary>Prepares a search; <see cref="Run"/> does it.</summary>
    public KTreeSearch(IReadOnlyList<double[]> vectors, double[] target, KTreePlan plan, bool euclidean)
    {
        _vectors = vectors;
        _target = target;
        _m = vectors.Count;
        _d = target.Length;
        _stride = StrideFor(_d);
        _plan = plan;
        _euclidean = euclidean;
    }

    /// <summary>Row length for dimension d: d rounded up to a multiple of 4 (vector widths of 8 and 4 floats).</summary>
    internal static int StrideFor(int d) => (d + 3) / 4 * 4;

    /// <summary>
    /// One search with the given seed: the chosen indices (unsorted; empty when the lists ran dry). Stops as soon as the
    /// root finds a pair whose raw error (max |.|, or Σ (.)² in the Euclidean norm) is at most <paramref name="stopRaw"/>.
    /// </summary>
    public int[] Run(int seed, double stopRaw)
    {
        _rng = new Random(seed);
        int a = _plan.Levels, leaves = 1 << a, nodes = 2 * leaves;
        _members = new int[nodes][];
        _tau = new double[nodes][];
        _left = new int[nodes][];
        _right = new int[nodes][];
        _levelPlans = new List<(int, double)>?[a + 1];
        _schedule = new CoordinateSchedule(_d, _plan.BitsPerCoordinate(_m, _d));

        // Leaves: groups of nearly equal size and alike in spread. Candidates are dealt by decreasing norm, one round of
        // 2^a at a time, each round to the leaves in a fresh seeded order: every leaf gets one of the largest vectors, one of
        // the next, and so on (a leaf holding several of the largest would list lumpy, far-spread sums, and its windows fail).
        var byNorm = Enumerable.Range(0, _m).OrderByDescending(i => _vectors[i].Sum(v => v * v)).ThenBy(i => i).ToArray();
        var groups = new List<int>[leaves];
        for (int leaf = 0; leaf < leaves; leaf++) groups[leaf] = [];
        var deal = Enumerable.Range(0, leaves).ToArray();
        for (int start = 0; start < _m; start += leaves)
        {
            for (int i = leaves - 1; i > 0; i--)
            {
                int j = _rng.Next(i + 1);
                (deal[i], deal[j]) = (deal[j], deal[i]);
            }
            for (int k = 0; k < leaves && start + k < _m; k++) groups[deal[k]].Add(byNorm[start + k]);
        }
        for (int leaf = 0; leaf < leaves; leaf++) _members[leaves + leaf] = [.. groups[leaf]];
        for (int k = leaves - 1; k >= 1; k--) _members[k] = [.. _members[2 * k], .. _members[2 * k + 1]];

        // Mean Σx/2 and variance Σx²/4 of a uniformly random subset sum of each node's candidates; variances in units of
        // the largest |x| so that squares of huge (or tiny) values stay finite.
        double unit = 0;
        foreach (double[] x in _vectors) foreach (double v in x) unit = Math.Max(unit, Math.Abs(v));
        if (!(unit > 0)) unit = 1;
        var mean = new double[nodes][];
        var variance = new double[nodes][];
        for (int k = 1; k < nodes; k++)
        {
            mean[k] = new double[_d];
            variance[k] = new double[_d];
            foreach (int i in _members[k])
            {
                double[] x = _vectors[i];
                for (int c = 0; c < _d; c++)
                {
                    mean[k][c] += x[c] / 2;
                    variance[k][c] += x[c] / unit * (x[c] / unit) / 4;
                }
            }
        }
        double largest = Math.Sqrt(variance[1].Max());
        _scale = unit * (largest > 0 ? largest : 1);
        stopRaw = _euclidean ? stopRaw / _scale / _scale : stopRaw / _scale;

        // Node targets, top down.
        _mean = mean;
        _variance = variance;
        _tau[1] = (double[])_target.Clone();
        SplitTargets(1);

        if (Build(1, 0, stopRaw) is not (int ia, int ib)) return [];
        var chosen = new List<int>();
        Collect(2, ia, chosen);
        Collect(3, ib, chosen);
        return [.. chosen];
    }

    /// <summary>
    /// Gives the children of <paramref name="node"/>, and recursively their descendants, their shares of the node's target:
    /// τ_A = μ_A + (τ − μ_A − μ_B)·σ_A² / (σ_A² + σ_B²), τ_B = τ − τ_A per coordinate (the conditional means given the sum).
    /// </summary>
    private void SplitTargets(int node)
    {
        if (node >= 1 << _plan.Levels) return;
        int l = 2 * node, r = l + 1;
        _tau[l] = new double[_d];
        _tau[r] = new double[_d];
        for (int c = 0; c < _d; c++)
        {
            double vl = _variance[l][c], vr = _variance[r][c], total = vl + vr;
            double share = total > 0 ? vl / total : 0.5;
            _tau[l][c] = _mean[l][c] + (_tau[node][c] - _mean[l][c] - _mean[r][c]) * share;
            _tau[r][c] = _tau[node][c] - _tau[l][c];
        }
        SplitTargets(l);
        SplitTargets(r);
    }

    /// <summary>
    /// Re-centres a finished left child on what it actually holds: its residuals' mean δ (filtered lists drift off their
    /// Gaussian target, most when the target lies in a tail) is taken out of its rows, and the right sibling's target
    /// becomes τ_B − δ, so that the pairs the parent forms are centred on the parent's target.
    /// </summary>
    private void Recentre(NodeList left, int rightNode)
    {
        int d = _d, s = _stride;
        if (left.Count == 0) return;
        var delta = new double[d];
        for (int e = 0; e < left.Count; e++)
            for (int c = 0; c < d; c++) delta[c] += left.Rows[e * s + c];
        for (int c = 0; c < d; c++) delta[c] /= left.Count;
        for (int e = 0; e < left.Count; e++)
            for (int c = 0; c < d; c++) left.Rows[e * s + c] -= (float)delta[c];
        for (int c = 0; c < d; c++)
        {
            left.Window[c] += (float)Math.Abs(delta[c]);
            _tau[rightNode][c] -= delta[c] * _scale;
        }
        SplitTargets(rightNode);
    }

    /// <summary>Follows back-pointers from entry <paramref name="entry"/> of node <paramref name="node"/> down to the leaves.</summary>
    private void Collect(int node, int entry, List<int> chosen)
    {
        if (node >= 1 << _plan.Levels)
        {
            int mask = _left[node][entry];
            int[] members = _members[node];
            for (int b = 0; b < members.Length; b++)
                if ((mask >> b & 1) != 0) chosen.Add(members[b]);
            return;
        }
        Collect(2 * node, _left[node][entry], chosen);
        Collect(2 * node + 1, _right[node][entry], chosen);
    }

    /// <summary>
    /// Builds node <paramref name="node"/> at depth <paramref name="depth"/>, depth first so that only a few lists are alive at
    /// once: the root returns its best pair; any other node leaves its list in <see cref="_built"/>.
    /// </summary>
    private (int, int)? Build(int node, int depth, double stopRaw)
    {
        if (node >= 1 << _plan.Levels)
        {
            _built = Leaf(node);
            return null;
        }
        Build(2 * node, depth + 1, stopRaw);
        var left = _built!;
        if (_plan.Recentre) Recentre(left, 2 * node + 1);
        Build(2 * node + 1, depth + 1, stopRaw);
        var right = _built!;
        try
        {
            if (node == 1) return left.Count == 0 || right.Count == 0 ? null : Root(left, right, stopRaw);
            _built = left.Count == 0 || right.Count == 0 ? NodeList.Empty(_d) : Merge(node, _plan.Levels - depth, left, right);
            _left[node] = _built.Left[.._built.Count];
            _right[node] = _built.Right[.._built.Count];
            Entries += _built.Count;
            return null;
        }
        finally
        {
            left.Release();
            right.Release();
        }
    }

    /// <summary>All subset sums of a leaf's group, as residuals from the leaf's target, by doubling; the back-pointer is the subset's bit mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private NodeList Leaf(int node)
    {
        int[] members = _members[node];
        int g = members.Length, count = 1 << g, d = _d, s = _stride;
        var list = NodeList.Rent(count, d, s);
        var sums = new double[count * d];
        for (int b = 0; b < g; b++)
        {
            double[] x = _vectors[members[b]];
            int half = 1 << b;
            for (int j = 0; j < half; j++)
                for (int c = 0; c < d; c++) sums[(j + half) * d + c] = sums[j * d + c] + x[c];
        }
        double[] tau = _tau[node];
        for (int j = 0; j < count; j++)
        {
            for (int c = 0; c < d; c++) list.Rows[j * s + c] = (float)((sums[j * d + c] - tau[c]) / _scale);
            for (int c = d; c < s; c++) list.Rows[j * s + c] = 0; // padding lanes stay 0 through every sum
            list.Left[j] = j;
        }
        list.Count = count;
        _left[node] = list.Left[..count];
        _right[node] = [];
        Entries += count;
        return list;
    }

    /// <summary>
    /// The filtered merge of a node's children: every pair a + b whose coordinates pass the node's bounds, cut to the
    /// level's cap. Bounds: the children's window for coordinates narrowed below (times <see cref="KTreePlan.Retighten"/>),
    /// κσ for the free ones, and new windows, from quantiles of sampled pairs, for the coordinates this level narrows.
    /// </summary>
    private NodeList Merge(int node, int level, NodeList a, NodeList b)
    {
        int d = _d, s = _stride;
        int cap = _plan.Caps[level - 1];
        var narrowed = new bool[d];
        for (int c = 0; c < d; c++) narrowed[c] = a.Narrowed[c] && b.Narrowed[c];

        // Sampled pairs set every bound from quantiles of |a_c + b_c|, so that no filter empties the list however far the
        // pairs' sums sit from the node's target: coordinates narrowed below keep a share Retighten of the pairs, free ones
        // a share Centre (κ = 1.5 standard deviations of a centred Gaussian), and the new windows what the cap leaves.
        int samples = _plan.Samples;
        var sample = new float[samples * d];
        for (int k = 0; k < samples; k++)
        {
            int i = _rng.Next(a.Count), j = _rng.Next(b.Count);
            for (int c = 0; c < d; c++) sample[k * d + c] = a.Rows[i * s + c] + b.Rows[j * s + c];
        }
        var all = Enumerable.Range(0, samples).ToList();
        var bound = new float[s];
        Array.Fill(bound, float.PositiveInfinity);
        for (int c = 0; c < d; c++) bound[c] = Window(sample, all, c, narrowed[c] ? _plan.Retighten : _plan.Centre);
        double want = cap / ((double)a.Count * b.Count);
        int passing = Passing(sample, samples, bound, -1).Count;
        var levelPlan = _levelPlans[level];
        if (levelPlan is null)
        {
            levelPlan = [];
            double need = passing > 0 ? want * samples / passing : 1; // the extra pass rate new windows must provide
            while (need < 1 - 1e-6 && _schedule.TryNext(-Math.Log2(need), out int c, out double bits))
            {
                double p = Math.Pow(2, -bits);
                need /= p;
                levelPlan.Add((c, p));
            }
            _levelPlans[level] = levelPlan;
        }
        var fresh = new List<int>();
        var baseBound = (float[])bound.Clone();
        foreach (var (c, p) in levelPlan)
        {
            // The window keeping a share p·slack on coordinate c among sampled pairs passing the other base bounds
            // (coordinates treated as independent); the cut below then keeps the best cap entries.
            var others = Passing(sample, samples, baseBound, c);
            double within = others.Count == 0 ? 1 : others.Count(k => Math.Abs(sample[k * d + c]) <= baseBound[c]) / (double)others.Count;
            double share = Math.Min(1, p * within * Math.Pow(_plan.Slack, 1.0 / levelPlan.Count));
            bound[c] = Math.Min(baseBound[c], Window(sample, others, c, share));
            narrowed[c] = true;
            fresh.Add(c);
        }

        long scannedBefore = Scanned;
        int capacity = Math.Max(64, (int)(cap * _plan.Slack * 1.5));
        var result = Join(a, b, bound, fresh, capacity);
        // Coordinates of NSN sums are not independent, so windows set from marginal quantiles can keep far fewer pairs than
        // planned (or none): widen them and join again.
        // The planned output of this node: its pairs times the base share times the new windows' shares. A node with fewer
        // pairs than its cousins keeps fewer entries at the same windows (so that cousins stay alike); only a collapse far
        // below plan is widened.
        double planned = Math.Min(cap, (double)a.Count * b.Count * passing / samples * levelPlan.Aggregate(_plan.Slack, (x, t) => x * t.Share));
        for (int retry = 0; retry < 4 && fresh.Count > 0 && result.Count < planned / 8; retry++)
        {
            double widen = Math.Clamp(Math.Pow(planned / Math.Max(1, result.Count), 1.0 / fresh.Count), 1.4, 8);
            foreach (int c in fresh) bound[c] = (float)Math.Min(baseBound[c], bound[c] * widen);
            Trace?.Invoke($"  node {node}: {result.Count} entries of {cap}, windows widened by {widen:G3}");
            result.Release();
            result = Join(a, b, bound, fresh, capacity);
        }
        int joined = result.Count;
        if (result.Count > cap && fresh.Count > 0) Cut(result, cap, fresh, bound);
        Trace?.Invoke($"node {node} L{level}: {a.Count}x{b.Count} scanned {Scanned - scannedBefore} joined {joined} kept {result.Count} new [{string.Join(",", fresh)}] bounds [{string.Join(" ", bound.Take(_d).Select(v => v.ToString("G2")))}]");
        for (int c = 0; c < d; c++)
        {
            result.Narrowed[c] = narrowed[c];
            result.Window[c] = bound[c];
        }
        return result;
    }

    /// <summary>Sampled pairs passing every bound except coordinate <paramref name="skip"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<int> Passing(float[] sample, int samples, float[] bound, int skip)
    {
        int d = _d;
        var list = new List<int>(samples);
        for (int k = 0; k < samples; k++)
        {
            bool ok = true;
            for (int c = 0; c < d && ok; c++)
                if (c != skip && Math.Abs(sample[k * d + c]) > bound[c]) ok = false;
            if (ok) list.Add(k);
        }
        return list;
    }

    /// <summary>
    /// The w with P(|s_c| &lt;= w) = p among the given sampled pairs: an order statistic when at least
    /// <see cref="KTreePlan.MinQuantileSamples"/> samples fall below it, otherwise scaled linearly from the
    /// <see cref="KTreePlan.MinQuantileSamples"/>-th (the density of a sum of two residuals is flat near 0).
    /// </summary>
    private float Window(float[] sample, List<int> pairs, int c, double p)
    {
        if (pairs.Count == 0) return 0;
        var values = new float[pairs.Count];
        for (int k = 0; k < pairs.Count; k++) values[k] = Math.Abs(sample[pairs[k] * _d + c]);
        double rank = p * values.Length;
        int min = Math.Min(KTreePlan.MinQuantileSamples, values.Length);
        if (rank >= min) return Select(values, Math.Min(values.Length - 1, (int)rank));
        return (float)(Select(values, min - 1) * (rank / min));
    }

    /// <summary>The k-th smallest value (0-based) of <paramref name="values"/>, which it reorders (Hoare's selection).</summary>
    internal static float Select(float[] values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            float pivot = values[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return values[k];
        }
        return values[k];
    }

    /// <summary>
    /// Keeps the <paramref name="cap"/> entries whose new coordinates lie nearest the node's target relative to their
    /// windows (score max_c |r_c| / bound_c, selected with a histogram; ties in list order), and shrinks those windows to
    /// what the kept entries need.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Cut(NodeList list, int cap, List<int> fresh, float[] bound)
    {
        const int Bins = 4096;
        int s = _stride, count = list.Count;
        var bin = ArrayPool<short>.Shared.Rent(count);
        var histogram = new int[Bins + 1];
        int[] coordinates = [.. fresh];
        float[] inverse = [.. fresh.Select(c => Bins / bound[c])];
        float[] rows = list.Rows;
        for (int e = 0; e < count; e++)
        {
            float worst = 0;
            for (int q = 0; q < coordinates.Length; q++) worst = Math.Max(worst, Math.Abs(rows[e * s + coordinates[q]]) * inverse[q]);
            int k = Math.Min(Bins - 1, (int)worst);
            bin[e] = (short)k;
            histogram[k]++;
        }
        int edge = 0, below = 0;
        while (below + histogram[edge] < cap) below += histogram[edge++];
        int fromEdge = cap - below, kept = 0;
        for (int e = 0; e < count; e++)
        {
            if (bin[e] > edge || (bin[e] == edge && fromEdge-- <= 0)) continue;
            if (kept != e)
            {
                RowMath.Copy(ref list.Rows[e * s], ref list.Rows[kept * s], s);
                list.Left[kept] = list.Left[e];
                list.Right[kept] = list.Right[e];
            }
            kept++;
        }
        list.Count = kept;
        float scale = (edge + 1) / (float)Bins;
        foreach (int c in fresh) bound[c] *= scale;
        ArrayPool<short>.Shared.Return(bin);
    }

    /// <summary>
    /// All pairs (a, b) with |a_c + b_c| &lt;= bound_c for every c, at most <paramref name="capacity"/> (the rest of A is not
    /// scanned once it is full). B goes into a grid over the new windows (see <see cref="ChooseKeys"/>).
    /// </summary>
    private NodeList Join(NodeList a, NodeList b, float[] bound, List<int> fresh, int capacity)
    {
        var (keys, widths) = ChooseKeys(b, bound, fresh);
        var grid = Grid.Build(b, _stride, keys, widths);
        var visitor = new JoinVisitor(NodeList.Rent(capacity, _d, _stride), capacity, bound, grid.Origin, _stride);
        Scan(a, grid, bound, long.MaxValue, ref visitor);
        grid.Release();
        visitor.Result.Count = visitor.Count;
        return visitor.Result;
    }

    /// <summary>What a scan does with each pair the grid cannot rule out; a struct, so the JIT compiles one loop per kind.</summary>
    private interface IPairVisitor
    {
        /// <summary>Called with entry <paramref name="ia"/> of A and row <paramref name="e"/> of B's grid; false stops the scan.</summary>
        bool Visit(int ia, ref float rowA, int e, ref float rowB);
    }

    /// <summary>Keeps every pair within the bounds, adding their rows, until the output is full.</summary>
    private struct JoinVisitor(NodeList result, int capacity, float[] bound, int[] origin, int stride) : IPairVisitor
    {
        public readonly NodeList Result = result;
        public int Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(int ia, ref float rowA, int e, ref float rowB)
        {
            if (!RowMath.Within(ref rowA, ref rowB, ref MemoryMarshal.GetArrayDataReference(bound), stride)) return true;
            RowMath.AddTo(ref rowA, ref rowB, ref Result.Rows[Count * stride], stride);
            Result.Left[Count] = ia;
            Result.Right[Count] = origin[e];
            return ++Count < capacity;
        }
    }

    /// <summary>Keeps the pair with the smallest error (max-norm, or squared Euclidean), stopping once it reaches the stopping error.</summary>
    private struct RootVisitor(int[] origin, int stride, bool euclidean, float bestRaw, int bestA, int bestB, double stopRaw) : IPairVisitor
    {
        public float BestRaw = bestRaw;
        public int BestA = bestA, BestB = bestB;
        public bool Stopped;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Visit(int ia, ref float rowA, int e, ref float rowB)
        {
            float error = euclidean ? RowMath.SquaredNorm(ref rowA, ref rowB, stride, BestRaw) : RowMath.MaxNorm(ref rowA, ref rowB, stride, BestRaw);
            if (error >= BestRaw) return true;
            (BestRaw, BestA, BestB) = (error, ia, origin[e]);
            Stopped = BestRaw <= stopRaw;
            return !Stopped;
        }
    }

    /// <summary>
    /// For every entry of A, the rows of B's grid that its window can reach, handed to <paramref name="visitor"/>. Queries go in
    /// grid order with their rows copied in that order, so consecutive queries read neighbouring cells of B and both lists are
    /// read in sequence. Returns false when the visitor stopped the scan or more than <paramref name="limit"/> rows were read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Scan<TVisitor>(NodeList a, Grid grid, float[] bound, long limit, ref TVisitor visitor) where TVisitor : struct, IPairVisitor
    {
        int s = _stride;
        Span<int> lo = stackalloc int[Grid.MaxKeys], hi = stackalloc int[Grid.MaxKeys];
        Span<int> from = stackalloc int[Grid.MaxRuns], to = stackalloc int[Grid.MaxRuns];
        var queries = grid.QueryOrder(a);
        float[] rowsA = grid.Gather(a, queries), rowsB = grid.Rows;
        long scanned = 0;
        bool complete = true;
        for (int qi = 0; qi < a.Count && complete; qi++)
        {
            int baseA = qi * s;
            if (grid.Range(rowsA, baseA, bound, lo, hi) == 0) continue;
            int runs = grid.Runs(lo, hi, from, to);
            ref float rowA = ref rowsA[baseA];
            for (int run = 0; run < runs && complete; run++)
            {
                int first = from[run], last = to[run];
                scanned += last - first;
                if (scanned > limit)
                {
                    complete = false;
                    break;
                }
                for (int e = first; e < last; e++)
                    if (!visitor.Visit(queries[qi], ref rowA, e, ref rowsB[e * s]))
                    {
                        complete = false;
                        break;
                    }
            }
        }
        ArrayPool<int>.Shared.Return(queries);
        ArrayPool<float>.Shared.Return(rowsA);
        Scanned += scanned;
        return complete;
    }

    /// <summary>
    /// Grid keys for a join: the new windows first, then any other coordinate, most selective first (largest spread of B
    /// against its window), as many as keep the grid within <see cref="KTreePlan.MaxCellsPerEntry"/> cells per entry of B.
    /// </summary>
    private (int[] Keys, float[] Widths) ChooseKeys(NodeList b, float[] bound, List<int> fresh)
    {
        var spread = Spread(b);
        var ranked = Enumerable.Range(0, _d)
            .Where(c => bound[c] > 0 && float.IsFinite(bound[c]) && spread[c] > 0)
            .OrderByDescending(c => fresh.Contains(c))
            .ThenByDescending(c => spread[c] / bound[c])
            .Select(c => (c, (double)spread[c], bound[c]));
        return PickKeys(ranked, b.Count, Grid.MaxKeys, _plan.MaxCellsPerEntry);
    }

    /// <summary>
    /// Keys in the given order with their cell widths: KeyCell·bound, or coarser when the grid would pass
    /// <paramref name="cellsPerEntry"/> cells per entry (a coarse key still prunes); keys with fewer than three cells are
    /// skipped. The last key's cells are then made finer, as far as the cell budget allows.
    /// </summary>
    private (int[] Keys, float[] Widths) PickKeys(IEnumerable<(int c, double spread, float bound)> ranked, int entries, int maxKeys, double cellsPerEntry)
    {
        double limit = Math.Min(Grid.MaxCells / 2.0, cellsPerEntry * entries + 1024), cells = 1;
        var keys = new List<int>();
        var widths = new List<float>();
        foreach (var (c, spread, bound) in ranked)
        {
            if (keys.Count == maxKeys) break;
            double want = spread / (_plan.KeyCell * bound), count = Math.Min(want, limit / cells);
            if (count < 3)
            {
                if (want >= 3) break; // selective, but no room left
                continue;
            }
            keys.Add(c);
            widths.Add((float)(spread / count));
            cells *= count + 1;
        }
        if (keys.Count > 0)
        {
            double finer = Math.Min(_plan.KeyCell / _plan.LastKeyCell, limit / cells);
            if (finer > 1) widths[^1] /= (float)finer;
        }
        return ([.. keys], [.. widths]);
    }

    /// <summary>max − min of each coordinate over a list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float[] Spread(NodeList list)
    {
        int d = _d, s = _stride;
        var min = new float[d];
        var max = new float[d];
        Array.Fill(min, float.PositiveInfinity);
        Array.Fill(max, float.NegativeInfinity);
        for (int e = 0; e < list.Count; e++)
            for (int c = 0; c < d; c++)
            {
                float v = list.Rows[e * s + c];
                if (v < min[c]) min[c] = v;
                if (v > max[c]) max[c] = v;
            }
        var spread = new float[d];
        for (int c = 0; c < d; c++) spread[c] = list.Count == 0 ? 0 : max[c] - min[c];
        return spread;
    }

    /// <summary>
    /// The root: the pair (a, b) of its children's entries minimising ||a + b|| (max-norm, or Euclidean). A grid over the
    /// coordinates where B spreads most, and a window ε that starts where <see cref="KTreePlan.RootExpectedPairs"/> pairs are
    /// expected and grows by half until a pair falls inside; the window shrinks to the best pair found as the scan goes.
    /// </summary>
    private (int, int)? Root(NodeList a, NodeList b, double stopRaw)
    {
        var (eps, incumbent) = ExpectedBest(a, b);
        var spread = Spread(b);
        long limit = _plan.RootScanPerEntry * ((long)a.Count + b.Count);
        // The best pair so far, starting from the best sampled pair; raw error (max |.|, or Σ (.)² in the Euclidean norm).
        var best = (incumbent.A, incumbent.B, Raw: _euclidean ? incumbent.Error * incumbent.Error : incumbent.Error);
        for (int attempt = 0; attempt < 64; attempt++, eps *= 2)
        {
            float bestError = _euclidean ? MathF.Sqrt(best.Raw) : best.Raw;
            if (best.Raw <= stopRaw) break;
            double e = Math.Min(eps, bestError); // no box wider than the best pair known is needed
            var (keys, widths) = PickKeys(Enumerable.Range(0, _d).Where(c => spread[c] > 0).OrderByDescending(c => spread[c])
                .Select(c => (c, (double)spread[c], (float)e)), b.Count, _plan.RootKeys, _plan.RootCellsPerEntry);
            var bound = new float[_stride];
            Array.Fill(bound, (float)e);
            for (int c = _d; c < _stride; c++) bound[c] = float.PositiveInfinity;
            var grid = Grid.Build(b, _stride, keys, widths);
            long scannedBefore = Scanned;
            bool complete = RootScan(a, grid, bound, stopRaw, limit, ref best);
            grid.Release();
            bestError = _euclidean ? MathF.Sqrt(best.Raw) : best.Raw;
            Trace?.Invoke($"root {a.Count}x{b.Count} eps {e:G3} keys [{string.Join(",", keys)}] scanned {Scanned - scannedBefore} best {bestError * _scale:G3}");
            // Done when the best pair lies inside the box (every better pair would too), when the scan was cut short, or
            // when the box already spans the best pair known.
            if (bestError <= e || !complete || e >= bestError) break;
        }
        return (best.A, best.B);
    }

    /// <summary>
    /// Scans the pairs whose key coordinates fall in the box of half-width bound and records any pair better than
    /// <paramref name="best"/>; false when it stopped early (after <paramref name="limit"/> pairs, or at the stopping error).
    /// </summary>
    private bool RootScan(NodeList a, Grid grid, float[] bound, double stopRaw, long limit, ref (int A, int B, float Raw) best)
    {
        var visitor = new RootVisitor(grid.Origin, _stride, _euclidean, best.Raw, best.A, best.B, stopRaw);
        bool complete = Scan(a, grid, bound, limit, ref visitor);
        best = (visitor.BestA, visitor.BestB, visitor.BestRaw);
        return complete && !visitor.Stopped;
    }

    /// <summary>
    /// The ε at which <see cref="KTreePlan.RootExpectedPairs"/> pairs of the root's children are expected within ε: from
    /// sampled pairs, each coordinate's density at 0 (the share within the width holding the lowest samples), the
    /// coordinates treated as independent.
    /// </summary>
    private (double Eps, (int A, int B, float Error) Incumbent) ExpectedBest(NodeList a, NodeList b)
    {
        int d = _d, s = _stride, samples = _plan.Samples;
        var values = new float[d][];
        for (int c = 0; c < d; c++) values[c] = new float[samples];
        var incumbent = (A: 0, B: 0, Error: float.PositiveInfinity);
        for (int k = 0; k < samples; k++)
        {
            int i = _rng.Next(a.Count), j = _rng.Next(b.Count);
            float norm = 0;
            for (int c = 0; c < d; c++)
            {
                float v = a.Rows[i * s + c] + b.Rows[j * s + c];
                values[c][k] = Math.Abs(v);
                norm = _euclidean ? norm + v * v : Math.Max(norm, Math.Abs(v));
            }
            if (_euclidean) norm = MathF.Sqrt(norm);
            if (norm < incumbent.Error) incumbent = (i, j, norm);
        }
        double logDensity = 0;
        int min = Math.Min(KTreePlan.MinQuantileSamples, samples);
        for (int c = 0; c < d; c++)
        {
            logDensity += Math.Log(min / (double)samples / Math.Max(Select(values[c], min - 1), 1e-30));
        }
        // pairs · Π_c (ε · density_c) = expected
        double logPairs = Math.Log(a.Count) + Math.Log(b.Count);
        return (Math.Exp((Math.Log(_plan.RootExpectedPairs) - logPairs - logDensity) / d), incumbent);
    }

    /// <summary>Row arithmetic with vector instructions: padding lanes hold 0 in rows and +∞ in bounds.</summary>
    private static class RowMath
    {
        /// <summary>Whether |a_c + b_c| &lt;= bound_c in every lane (stride a multiple of 4).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Within(ref float a, ref float b, ref float bound, int stride)
        {
            int o = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; o + 8 <= stride; o += 8)
                {
                    var sum = Vector256.Abs(Vector256.LoadUnsafe(ref a, (nuint)o) + Vector256.LoadUnsafe(ref b, (nuint)o));
                    if (Vector256.GreaterThanAny(sum, Vector256.LoadUnsafe(ref bound, (nuint)o))) return false;
                }
            for (; o < stride; o += 4)
            {
                var sum = Vector128.Abs(Vector128.LoadUnsafe(ref a, (nuint)o) + Vector128.LoadUnsafe(ref b, (nuint)o));
                if (Vector128.GreaterThanAny(sum, Vector128.LoadUnsafe(ref bound, (nuint)o))) return false;
            }
            return true;
        }

        /// <summary>max_c |a_c + b_c|, or <paramref name="limit"/> as soon as some lane reaches it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float MaxNorm(ref float a, ref float b, int stride, float limit)
        {
            var max = Vector128<float>.Zero;
            var cut = Vector128.Create(limit);
            int o = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; o + 8 <= stride; o += 8)
                {
                    var sum = Vector256.Abs(Vector256.LoadUnsafe(ref a, (nuint)o) + Vector256.LoadUnsafe(ref b, (nuint)o));
                    max = Vector128.Max(max, Vector128.Max(sum.GetLower(), sum.GetUpper()));
                    if (Vector128.GreaterThanOrEqualAny(max, cut)) return limit;
                }
            for (; o < stride; o += 4)
            {
                max = Vector128.Max(max, Vector128.Abs(Vector128.LoadUnsafe(ref a, (nuint)o) + Vector128.LoadUnsafe(ref b, (nuint)o)));
                if (Vector128.GreaterThanOrEqualAny(max, cut)) return limit;
            }
            return Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3]));
        }

        /// <summary>Σ_c (a_c + b_c)², or <paramref name="limit"/> once the partial sum reaches it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float SquaredNorm(ref float a, ref float b, int stride, float limit)
        {
            float total = 0;
            for (int o = 0; o < stride; o += 4)
            {
                var sum = Vector128.LoadUnsafe(ref a, (nuint)o) + Vector128.LoadUnsafe(ref b, (nuint)o);
                total += Vector128.Dot(sum, sum);
                if (total >= limit) return limit;
            }
            return total;
        }

        /// <summary>output = a + b, lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddTo(ref float a, ref float b, ref float output, int stride)
        {
            for (int o = 0; o < stride; o += 4)
                (Vector128.LoadUnsafe(ref a, (nuint)o) + Vector128.LoadUnsafe(ref b, (nuint)o)).StoreUnsafe(ref output, (nuint)o);
        }

        /// <summary>to = from, lane by lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Copy(ref float from, ref float to, int stride)
        {
            for (int o = 0; o < stride; o += 4) Vector128.LoadUnsafe(ref from, (nuint)o).StoreUnsafe(ref to, (nuint)o);
        }
    }

    /// <summary>A list of entries: residual rows (single precision, padded to the stride) and back-pointers into the children's lists.</summary>
    private sealed class NodeList
    {
        public int Count;
        public float[] Rows = [];
        public int[] Left = [], Right = [];
        public float[] Window = [];
        public bool[] Narrowed = [];

        public static NodeList Rent(int capacity, int d, int stride)
        {
            var list = new NodeList
            {
                Rows = ArrayPool<float>.Shared.Rent(Math.Max(1, capacity * stride)),
                Left = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity)),
                Right = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity)),
                Window = new float[d],
                Narrowed = new bool[d],
            };
            return list;
        }

        public static NodeList Empty(int d) => new() { Window = new float[d], Narrowed = new bool[d] };

        public void Release()
        {
            if (Rows.Length > 0) ArrayPool<float>.Shared.Return(Rows);
            if (Left.Length > 0) ArrayPool<int>.Shared.Return(Left);
            if (Right.Length > 0) ArrayPool<int>.Shared.Return(Right);
            Rows = [];
            Left = Right = [];
        }
    }

    /// <summary>
    /// A list's rows sorted into the cells of a grid over up to <see cref="MaxKeys"/> key coordinates by a counting sort.
    /// Cells are 2·bound wide (a query box meets at most two per key), the last key's finer: its cells are contiguous in the
    /// sorted rows, so a query reads one run of rows per combination of the other keys' cells.
    /// </summary>
    private sealed class Grid
    {
        public const int MaxKeys = 4;

        /// <summary>Most runs per query: the first three keys' ranges span at most three cells each (coarse cells span two).</summary>
        public const int MaxRuns = 27;
        public const long MaxCells = 1 << 24;

        public float[] Rows = [];
        public int[] Origin = [];
        public int[] Start = [];
        private int[] _keys = [];
        private float[] _low = [];
        private float[] _width = [];
        private float[] _inverse = [];
        private int[] _cells = [];
        private int[] _multiplier = []; // cells of the keys after q, so that cell = Σ index_q · multiplier_q
        private int _stride;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Grid Build(NodeList list, int stride, int[] keys, float[] widths)
        {
            int k = keys.Length, n = list.Count;
            var grid = new Grid { _keys = keys, _low = new float[k], _width = new float[k], _cells = new int[k], _stride = stride };
            long total = 1;
            for (int q = 0; q < k; q++)
            {
                int c = keys[q];
                float min = float.PositiveInfinity, max = float.NegativeInfinity;
                for (int e = 0; e < n; e++)
                {
                    float v = list.Rows[e * stride + c];
                    if (v < min) min = v;
                    if (v > max) max = v;
                }
                float width = widths[q];
                grid._low[q] = min;
                grid._width[q] = width;
                grid._cells[q] = (int)Math.Clamp(Math.Floor((max - min) / width) + 1, 1, MaxCells);
                total *= grid._cells[q];
                if (total > MaxCells)
                    throw new InvalidOperationException($"k-tree grid of more than {MaxCells} cells (keys chosen badly).");
            }
            grid._inverse = [.. grid._width.Select(w => 1 / w)];
            grid._multiplier = new int[k];
            for (int q = k - 1, m = 1; q >= 0; q--)
            {
                grid._multiplier[q] = m;
                m *= grid._cells[q];
            }
            int cellCount = (int)total;
            var cellOf = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            var start = new int[cellCount + 1];
            for (int e = 0; e < n; e++)
            {
                int cell = 0;
                for (int q = 0; q < k; q++)
                {
                    int idx = (int)((list.Rows[e * stride + keys[q]] - grid._low[q]) / grid._width[q]);
                    cell = cell * grid._cells[q] + Math.Clamp(idx, 0, grid._cells[q] - 1);
                }
                cellOf[e] = cell;
                start[cell + 1]++;
            }
            for (int q = 0; q < cellCount; q++) start[q + 1] += start[q];
            grid.Rows = ArrayPool<float>.Shared.Rent(Math.Max(1, n * stride));
            grid.Origin = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            var next = ArrayPool<int>.Shared.Rent(Math.Max(1, cellCount));
            Array.Copy(start, next, cellCount);
            for (int e = 0; e < n; e++)
            {
                int p = next[cellOf[e]]++;
                RowMath.Copy(ref list.Rows[e * stride], ref grid.Rows[p * stride], stride);
                grid.Origin[p] = e;
            }
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(cellOf);
            grid.Start = start;
            return grid;
        }

        /// <summary>The entries of <paramref name="queries"/> (a rented array) ordered by the cell of −a, by a counting sort.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int[] QueryOrder(NodeList queries)
        {
            int n = queries.Count, k = _keys.Length;
            var order = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            if (k == 0)
            {
                for (int e = 0; e < n; e++) order[e] = e;
                return order;
            }
            var cellOf = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            var count = new int[Start.Length];
            for (int e = 0; e < n; e++)
            {
                int cell = 0;
                for (int q = 0; q < k; q++)
                {
                    int idx = (int)((-queries.Rows[e * _stride + _keys[q]] - _low[q]) / _width[q]);
                    cell = cell * _cells[q] + Math.Clamp(idx, 0, _cells[q] - 1);
                }
                cellOf[e] = cell;
                count[cell + 1]++;
            }
            for (int q = 0; q + 1 < count.Length; q++) count[q + 1] += count[q];
            for (int e = 0; e < n; e++) order[count[cellOf[e]]++] = e;
            ArrayPool<int>.Shared.Return(cellOf);
            return order;
        }

        /// <summary>A copy of the rows of <paramref name="queries"/> in the order <paramref name="order"/> (a rented array), so that a join reads them in sequence.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public float[] Gather(NodeList queries, int[] order)
        {
            var rows = ArrayPool<float>.Shared.Rent(Math.Max(1, queries.Count * _stride));
            for (int q = 0; q < queries.Count; q++) RowMath.Copy(ref queries.Rows[order[q] * _stride], ref rows[q * _stride], _stride);
            return rows;
        }

        /// <summary>
        /// The cells that may hold b with |a_c + b_c| &lt;= bound_c on every key: per key the index range [lo, hi]. Returns the
        /// number of combinations of the first k − 1 keys' ranges (each one run of rows, see <see cref="Run"/>); 0 when none can.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Range(float[] rowsA, int baseA, float[] bound, Span<int> lo, Span<int> hi)
        {
            int combos = 1;
            for (int q = 0; q < _keys.Length; q++)
            {
                int c = _keys[q];
                float centre = -rowsA[baseA + c];
                float from = (centre - bound[c] - _low[q]) * _inverse[q], to = (centre + bound[c] - _low[q]) * _inverse[q];
                if (to < 0 || from >= _cells[q]) return 0;
                lo[q] = Math.Max(0, (int)from);
                hi[q] = Math.Min(_cells[q] - 1, (int)to);
                if (q < _keys.Length - 1) combos *= hi[q] - lo[q] + 1;
            }
            return combos;
        }

        /// <summary>
        /// The runs of rows a query with cell ranges [lo, hi] must scan, one per combination of the first k − 1 keys' cells
        /// (its cells along the last key are contiguous): rows [from[r], to[r]). Returns the number of runs.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Runs(ReadOnlySpan<int> lo, ReadOnlySpan<int> hi, Span<int> from, Span<int> to)
        {
            int k = _keys.Length;
            if (k == 0)
            {
                (from[0], to[0]) = (0, Start[1]);
                return 1;
            }
            int last = k - 1, count = 0;
            Span<int> index = stackalloc int[MaxKeys];
            int cell = 0;
            for (int q = 0; q < last; q++)
            {
                index[q] = lo[q];
                cell += lo[q] * _multiplier[q];
            }
            while (true)
            {
                from[count] = Start[cell + lo[last]];
                to[count] = Start[cell + hi[last] + 1];
                count++;
                // Odometer over the first k − 1 keys, updating the cell index without divisions.
                int p = last - 1;
                while (p >= 0 && index[p] == hi[p])
                {
                    cell -= (hi[p] - lo[p]) * _multiplier[p];
                    index[p] = lo[p];
                    p--;
                }
                if (p < 0) return count;
                index[p]++;
                cell += _multiplier[p];
            }
        }

        public void Release()
        {
            if (Rows.Length > 0) ArrayPool<float>.Shared.Return(Rows);
            if (Origin.Length > 0) ArrayPool<int>.Shared.Return(Origin);
            Rows = [];
            Origin = [];
        }
    }

    /// <summary>
    /// Which coordinates the levels narrow, in turn: each gets <see cref="KTreePlan.BitsPerCoordinate"/> bits of precision;
    /// a level takes the bits it needs from the head of the queue, possibly part of a coordinate, which a later level then
    /// narrows further.
    /// </summary>
    private sealed class CoordinateSchedule(int d, double bitsPerCoordinate)
    {
        private readonly double[] _left = [.. Enumerable.Repeat(bitsPerCoordinate, d)];
        private int _head;

        public bool TryNext(double wantBits, out int coordinate, out double bits)
        {
            while (_head < _left.Length && _left[_head] <= 1e-9) _head++;
            if (_head >= _left.Length)
            {
                (coordinate, bits) = (-1, 0);
                return false;
            }
            coordinate = _head;
            bits = Math.Min(wantBits, _left[_head]);
            _left[_head] -= bits;
            return true;
        }
    }
}
