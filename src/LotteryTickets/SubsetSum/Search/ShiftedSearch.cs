using System.Numerics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The exact search of <see cref="VectorSubsetSum"/>: one meet-in-the-middle index of two halves (<see cref="VectorMeetInTheMiddle"/>)
/// over all vectors but the last few ("outer" vectors), queried once per subset U of the outer vectors with the target
/// z - Σ_U X_i (and, for a fixed size k, the size k - |U|): the index does not depend on the target. Shifts are searched most
/// promising first (smallest lower bound of the root pair), each from the best error found so far, and the search ends when no
/// remaining shift's bound is below it, so the best over all shifts is the optimum. Taking vectors out keeps the index small
/// (halves of 20 at most from n = 40 on) and was faster than larger halves (see <see cref="VectorSubsetSum.ExactSplit"/>).
/// <para>With outer vectors (n &gt;= 40) the shifts are searched on two threads sharing the one index (its trees are split under
/// a lock, see <see cref="HalfSumTree"/>): each thread takes the next shift in the order, starts from the shared incumbent
/// (<see cref="SharedIncumbent"/>) and reads it again every few dozen nodes. Ties go to the earlier shift, and within a shift
/// the search finds the first pair of least error in an order that does not depend on the bound it starts from, so the
/// subset is the one a single thread returns, bit for bit, whatever the timing. A tolerance above zero or a node limit keeps
/// one thread (the first subset within the tolerance, or the node where the limit falls, would depend on the timing).
/// Medians of 5 instances, d = 9, load 1.5-3.6: n = 44 0.32-0.33 s against 0.50-0.51 s on one thread, n = 46 0.56-0.58 s
/// against 0.99-1.01 s, n = 48 0.52-0.56 s against 0.93-0.99 s (docs/performance-multidimensional.md). Two threads each with
/// its own copy of the index were slower (n = 44: 0.81 s median against 0.59 s on one thread at load 4-5; the copies double
/// the building).</para>
/// </summary>
internal sealed class ShiftedSearch<TMetric> where TMetric : struct, IErrorMetric
{
    private readonly IReadOnlyList<double[]> _vectors;
    private readonly double[] _target;
    private readonly int _a, _b, _outer, _d;
    private readonly int? _size;
    private readonly double _toleranceRaw;
    private readonly List<(double Bound, int Mask, double[] Target)> _shifts = [];
    // The best subset so far: raw error, rank of its shift in the order, item indices.
    private readonly SharedIncumbent _best;
    // Next shift to take (shared by the threads); set when the budget stopped a search.
    private int _next;
    private volatile bool _outOfBudget;
    private int _toleranceHits;
    // Tests only: take the shifts in this order (a permutation of the ranks) on one thread, as an extreme of what two
    // threads' timing can do; the subset must not change.
    private int[]? _takeOrder;

    private ShiftedSearch(IReadOnlyList<double[]> vectors, double[] target, int a, int b, int outer, int? size, double startRaw, double toleranceRaw)
    {
        _vectors = vectors;
        _target = target;
        (_a, _b, _outer) = (a, b, outer);
        _d = target.Length;
        _size = size;
        _best = new SharedIncumbent(startRaw);
        _toleranceRaw = toleranceRaw;
    }

    /// <summary>
    /// The best subset of <paramref name="vectors"/> for <paramref name="target"/> (of size <paramref name="size"/> when given)
    /// with an error strictly below <paramref name="startRaw"/>: halves of <paramref name="a"/> and <paramref name="b"/> vectors,
    /// the last <paramref name="outer"/> taken out. Returns null indices when nothing beats the start; Proven is false when the
    /// tolerance or the budget stopped the search. <paramref name="parallelSearch"/> allows two threads for the shifts (used
    /// only with outer vectors, two cores, no tolerance and no node limit); the answer is the same either way.
    /// </summary>
    public static (int[]? Indices, bool Proven) Run(IReadOnlyList<double[]> vectors, double[] target, int a, int b, int outer,
        int? size, double startRaw, double toleranceRaw, SearchBudget budget, bool parallelBuild, bool parallelSearch = true,
        Func<int, int[]>? testOrder = null)
    {
        var search = new ShiftedSearch<TMetric>(vectors, target, a, b, outer, size, startRaw, toleranceRaw);
        using var index = new VectorMeetInTheMiddle(vectors, [.. Enumerable.Range(0, a + b)], target.Length, a, bySize: size is not null, parallelBuild);
        search.Order(index, budget);
        if (testOrder is not null) search._takeOrder = testOrder(search._shifts.Count);
        bool two = parallelSearch && outer > 0 && toleranceRaw <= 0 && !budget.HasNodeLimit && Environment.ProcessorCount >= 2
            && search._shifts.Count > 1;
        bool proven = two ? search.WorkOnTwoThreads(index, budget) : search.Work(index, budget, parallel: false);
        return (search._best.Best.Indices, proven);
    }

    // One more thread runs Work with its own budget (same deadline) while this one runs it too; the index is disposed
    // only after both have finished.
    private bool WorkOnTwoThreads(VectorMeetInTheMiddle index, SearchBudget budget)
    {
        var other = budget.ForThread();
        var helper = Task.Factory.StartNew(() => Work(index, other, parallel: true), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool mine;
        try
        {
            mine = Work(index, budget, parallel: true);
        }
        finally
        {
            // Wait even when this thread failed: the other one still reads the index.
            ((IAsyncResult)helper).AsyncWaitHandle.WaitOne();
        }
        bool theirs = helper.GetAwaiter().GetResult();
        budget.Absorb(other);
        return mine && theirs && !_outOfBudget && _toleranceHits == 0;
    }

    // Lists the shifts (one per subset of the outer vectors that leaves a feasible size) in the order they are searched.
    private void Order(VectorMeetInTheMiddle index, SearchBudget budget)
    {
        int inner = _a + _b, d = _d;
        for (int mask = 0; mask < 1 << _outer; mask++)
        {
            int? size = _size - BitOperations.PopCount((uint)mask);
            if (size < 0 || size > inner) continue;
            var shifted = TargetMinus(mask);
            // One shift needs no bound to be ordered, and the by-size index has no single root pair.
            double bound = _outer == 0 || _size is not null ? 0 : index.RootBound(new DualTreeSearch<TMetric>(shifted, double.PositiveInfinity, 0, budget));
            _shifts.Add((bound, mask, shifted));
        }
        _shifts.Sort((x, y) => x.Bound != y.Bound ? x.Bound.CompareTo(y.Bound) : x.Mask.CompareTo(y.Mask));

        double[] TargetMinus(int mask)
        {
            var shifted = (double[])_target.Clone();
            for (int k = 0; k < _outer; k++)
                if ((mask >> k & 1) != 0)
                    for (int c = 0; c < d; c++) shifted[c] -= _vectors[inner + k][c];
            return shifted;
        }
    }

    // Takes the shifts in order until none is left whose bound is below the incumbent's threshold (bounds only grow along the
    // order, and thresholds only fall). Returns false when the tolerance or the budget stopped a search. On two threads
    // (`parallel`), a search stopped by the tolerance (0 there: an exact hit) does not end the other thread's earlier
    // shift, which may hold an exact hit that wins the tie; later shifts end at once (nothing beats an error of 0).
    private bool Work(VectorMeetInTheMiddle index, SearchBudget budget, bool parallel)
    {
        int inner = _a + _b;
        while (!_outOfBudget)
        {
            int taken = Interlocked.Increment(ref _next) - 1;
            if (taken >= _shifts.Count) return true;
            int rank = _takeOrder is null ? taken : _takeOrder[taken];
            var (bound, mask, shifted) = _shifts[rank];
            double threshold = _best.Threshold(rank);
            if (bound >= threshold)
            {
                if (_takeOrder is null) return true;
                continue;
            }
            var search = new DualTreeSearch<TMetric>(shifted, threshold, _toleranceRaw, budget)
            {
                Shared = parallel ? _best : null,
                Rank = rank,
            };
            index.Search(search, _size - BitOperations.PopCount((uint)mask));
            if (search.Found)
            {
                _best.Offer(search.FoundRaw, rank, () =>
                {
                    var chosen = new List<int>(index.Indices(search.BestMaskA, search.BestMaskB));
                    for (int k = 0; k < _outer; k++) if ((mask >> k & 1) != 0) chosen.Add(inner + k);
                    chosen.Sort();
                    return [.. chosen];
                });
            }
            if (search.Stopped)
            {
                if (budget.Exhausted) { _outOfBudget = true; return false; }
                if (!parallel) return false;
                Interlocked.Increment(ref _toleranceHits);
            }
        }
        return false;
    }
}
