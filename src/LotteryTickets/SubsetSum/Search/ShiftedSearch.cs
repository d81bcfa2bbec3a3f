using System.Numerics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The exact search of <see cref="VectorSubsetSum"/>: one meet-in-the-middle index of two halves (<see cref="VectorMeetInTheMiddle"/>)
/// over all vectors but the last few ("outer" vectors), queried once per subset U of the outer vectors with the target
/// z - Σ_U X_i (and, for a fixed size k, the size k - |U|): the index does not depend on the target. Shifts are searched most
/// promising first (smallest lower bound of the root pair), each from the best error found so far, and the search ends when no
/// remaining shift's bound is below it, so the best over all shifts is the optimum. Taking vectors out keeps the index small
/// (halves of 20 at most from n = 40 on) and was faster than larger halves (see <see cref="VectorSubsetSum.ExactSplit"/>).
/// <para>A version with two threads, each searching shifts with its own copy of the index (the trees are split while searched,
/// so one copy cannot be shared) and ties broken by the shifts' order, was slower at load 4-5 on 2 cores (n = 44: 0.81 s median
/// against 0.59 s on one thread; the copies double the building), so the shifts are searched one after the other.</para>
/// </summary>
internal sealed class ShiftedSearch<TMetric> where TMetric : struct, IErrorMetric
{
    private readonly IReadOnlyList<double[]> _vectors;
    private readonly double[] _target;
    private readonly int _a, _b, _outer, _d;
    private readonly int? _size;
    private readonly double _toleranceRaw;
    private readonly List<(double Bound, int Mask, double[] Target)> _shifts = [];
    // The best subset so far: its raw error and item indices.
    private double _bestRaw;
    private int[]? _bestIndices;

    private ShiftedSearch(IReadOnlyList<double[]> vectors, double[] target, int a, int b, int outer, int? size, double startRaw, double toleranceRaw)
    {
        _vectors = vectors;
        _target = target;
        (_a, _b, _outer) = (a, b, outer);
        _d = target.Length;
        _size = size;
        _bestRaw = startRaw;
        _toleranceRaw = toleranceRaw;
    }

    /// <summary>
    /// The best subset of <paramref name="vectors"/> for <paramref name="target"/> (of size <paramref name="size"/> when given)
    /// with an error strictly below <paramref name="startRaw"/>: halves of <paramref name="a"/> and <paramref name="b"/> vectors,
    /// the last <paramref name="outer"/> taken out. Returns null indices when nothing beats the start; Proven is false when the
    /// tolerance or the budget stopped the search.
    /// </summary>
    public static (int[]? Indices, bool Proven) Run(IReadOnlyList<double[]> vectors, double[] target, int a, int b, int outer,
        int? size, double startRaw, double toleranceRaw, SearchBudget budget, bool parallelBuild)
    {
        var search = new ShiftedSearch<TMetric>(vectors, target, a, b, outer, size, startRaw, toleranceRaw);
        using var index = new VectorMeetInTheMiddle(vectors, [.. Enumerable.Range(0, a + b)], target.Length, a, bySize: size is not null, parallelBuild);
        search.Order(index, budget);
        bool proven = search.Work(index, budget);
        return (search._bestIndices, proven);
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

    // Searches the shifts in order until none is left whose bound is below the best error (bounds only grow along the order).
    // Returns false when the tolerance or the budget stopped a search.
    private bool Work(VectorMeetInTheMiddle index, SearchBudget budget)
    {
        int inner = _a + _b;
        foreach (var (bound, mask, shifted) in _shifts)
        {
            if (bound >= _bestRaw) return true;
            var search = new DualTreeSearch<TMetric>(shifted, _bestRaw, _toleranceRaw, budget);
            index.Search(search, _size - BitOperations.PopCount((uint)mask));
            if (search.Found)
            {
                var chosen = new List<int>(index.Indices(search.BestMaskA, search.BestMaskB));
                for (int k = 0; k < _outer; k++) if ((mask >> k & 1) != 0) chosen.Add(inner + k);
                chosen.Sort();
                _bestRaw = search.BestRaw;
                _bestIndices = [.. chosen];
            }
            if (search.Stopped) return false;
        }
        return true;
    }
}
