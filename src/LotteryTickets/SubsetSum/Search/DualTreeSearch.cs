using System.Runtime.CompilerServices;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// Branch and bound over pairs of k-d tree nodes (a "dual-tree" search): the sums a + b with a in node P of
/// tree A and b in node Q of tree B all lie in the box [loP + loQ, hiP + hiQ], so the distance from the
/// target z to that box is a lower bound on the error of every pair below (P, Q). A pair of nodes is
/// discarded when its bound is not smaller than the best error found; otherwise the larger node is split
/// and the child pair with the smaller bound is searched first. Two leaves are compared point by point.
/// When the search ends without being stopped, no pair has an error below the best one: the optimum is proven.
/// </summary>
internal sealed class DualTreeSearch<TMetric> where TMetric : struct, IErrorMetric
{
    private readonly double[] _target;
    private readonly int _d;
    private readonly double _toleranceRaw;
    private readonly SearchBudget _budget;
    private readonly double[] _query;
    private HalfSumTree _a = null!, _b = null!;

    /// <summary>Raw error (see <see cref="IErrorMetric"/>) of the best pair found, or the starting bound.</summary>
    public double BestRaw;

    /// <summary>True once a pair better than the starting bound was found.</summary>
    public bool Found;

    /// <summary>Raw error of the best pair found (valid when <see cref="Found"/>). Equal to <see cref="BestRaw"/> unless a
    /// shared incumbent lowered the bound below it.</summary>
    public double FoundRaw = double.PositiveInfinity;

    /// <summary>An incumbent shared with searches on other threads, or null: every <see cref="SyncInterval"/> nodes the bound is
    /// lowered to <see cref="SharedIncumbent.Threshold"/> for <see cref="Rank"/>.</summary>
    public SharedIncumbent? Shared;

    /// <summary>This search's rank among the searches sharing <see cref="Shared"/> (ties go to the lowest rank).</summary>
    public int Rank;

    /// <summary>Nodes between two reads of <see cref="Shared"/>.</summary>
    private const int SyncInterval = 64;

    private int _sinceSync;

    /// <summary>Masks of the best pair's two half subsets (valid when <see cref="Found"/>).</summary>
    public ulong BestMaskA, BestMaskB;

    /// <summary>The tolerance was reached or the budget ran out: the search did not run to its end.</summary>
    public bool Stopped;

    /// <param name="target">The target z.</param>
    /// <param name="startBestRaw">Only pairs with a raw error strictly below this are looked for (an incumbent's error, or +∞).</param>
    /// <param name="toleranceRaw">Stop as soon as the best raw error is at most this.</param>
    /// <param name="budget">Shared node and time budget.</param>
    public DualTreeSearch(double[] target, double startBestRaw, double toleranceRaw, SearchBudget budget)
    {
        _target = target;
        _d = target.Length;
        BestRaw = startBestRaw;
        _toleranceRaw = toleranceRaw;
        _budget = budget;
        _query = new double[_d];
    }

    /// <summary>Searches all pairs (a, b) with a from <paramref name="a"/> and b from <paramref name="b"/>.</summary>
    public void Search(HalfSumTree a, HalfSumTree b)
    {
        if (Stopped) return;
        _a = a;
        _b = b;
        if (LowerBound(0, 0, BestRaw) < BestRaw) Visit(0, 0);
    }

    /// <summary>The lower bound of the root pair of <paramref name="a"/> and <paramref name="b"/> (for ordering several tree pairs).</summary>
    public double RootBound(HalfSumTree a, HalfSumTree b)
    {
        _a = a;
        _b = b;
        return LowerBound(0, 0, double.PositiveInfinity);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Visit(int na, int nb)
    {
        if (_budget.Tick()) { Stopped = true; return; }
        if (Shared is not null && ++_sinceSync == SyncInterval)
        {
            _sinceSync = 0;
            double shared = Shared.Threshold(Rank);
            if (shared < BestRaw) BestRaw = shared;
        }
        // Children are read with acquire semantics: another thread may be splitting the node (HalfSumTree.Split).
        int leftA = Volatile.Read(ref _a.Left[na]), leftB = Volatile.Read(ref _b.Left[nb]);
        bool aLeaf = leftA == HalfSumTree.Leaf, bLeaf = leftB == HalfSumTree.Leaf;
        if (aLeaf && bLeaf)
        {
            LeafPair(na, nb);
            return;
        }
        bool splitA = !aLeaf && (bLeaf || _a.End[na] - _a.Start[na] >= _b.End[nb] - _b.Start[nb]);
        if (splitA)
        {
            if (leftA == HalfSumTree.Unsplit)
            {
                _a.Split(na);
                leftA = Volatile.Read(ref _a.Left[na]);
            }
            int c1 = leftA, c2 = _a.Right[na];
            double l1 = LowerBound(c1, nb, BestRaw), l2 = LowerBound(c2, nb, BestRaw);
            if (l2 < l1) { (c1, c2) = (c2, c1); (l1, l2) = (l2, l1); }
            if (l1 < BestRaw) { Visit(c1, nb); if (Stopped) return; }
            if (l2 < BestRaw) Visit(c2, nb);
        }
        else
        {
            if (leftB == HalfSumTree.Unsplit)
            {
                _b.Split(nb);
                leftB = Volatile.Read(ref _b.Left[nb]);
            }
            int c1 = leftB, c2 = _b.Right[nb];
            double l1 = LowerBound(na, c1, BestRaw), l2 = LowerBound(na, c2, BestRaw);
            if (l2 < l1) { (c1, c2) = (c2, c1); (l1, l2) = (l2, l1); }
            if (l1 < BestRaw) { Visit(na, c1); if (Stopped) return; }
            if (l2 < BestRaw) Visit(na, c2);
        }
    }

    // Distance (raw) from the target to the box of sums of node pair (na, nb); stops early once it
    // reaches `cutoff`, returning a value >= cutoff.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double LowerBound(int na, int nb, double cutoff)
    {
        double[] t = _target, aLo = _a.Lo, aHi = _a.Hi, bLo = _b.Lo, bHi = _b.Hi;
        int oa = na * _d, ob = nb * _d;
        double acc = 0;
        for (int c = 0; c < _d; c++)
        {
            double below = aLo[oa + c] + bLo[ob + c] - t[c];
            double gap = below > 0 ? below : Math.Max(0.0, t[c] - (aHi[oa + c] + bHi[ob + c]));
            acc = TMetric.Combine(acc, gap);
            if (acc >= cutoff) return acc;
        }
        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LeafPair(int na, int nb)
    {
        int d = _d;
        double[] t = _target, q = _query, aPts = _a.Points, bPts = _b.Points, bLo = _b.Lo, bHi = _b.Hi;
        int ob = nb * d;
        int bStart = _b.Start[nb], bEnd = _b.End[nb];
        for (int i = _a.Start[na], aEnd = _a.End[na]; i < aEnd; i++)
        {
            // q = z - a_i: the point of B that pairs best with a_i is the one nearest to q.
            int oa = i * d;
            double bound = 0;
            for (int c = 0; c < d; c++)
            {
                double v = t[c] - aPts[oa + c];
                q[c] = v;
                double gap = bLo[ob + c] - v;
                if (gap < 0) gap = Math.Max(0.0, v - bHi[ob + c]);
                bound = TMetric.Combine(bound, gap);
            }
            if (bound >= BestRaw) continue;
            for (int j = bStart; j < bEnd; j++)
            {
                int op = j * d;
                double acc = 0;
                int c = 0;
                for (; c < d; c++)
                {
                    acc = TMetric.Combine(acc, q[c] - bPts[op + c]);
                    if (acc >= BestRaw) break;
                }
                if (c < d) continue;
                BestRaw = FoundRaw = acc;
                Found = true;
                BestMaskA = _a.Masks[i];
                BestMaskB = _b.Masks[j];
                if (acc <= _toleranceRaw) { Stopped = true; return; }
            }
        }
    }
}
