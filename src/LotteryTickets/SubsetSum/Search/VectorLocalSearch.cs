using System.Runtime.CompilerServices;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The heuristic behind <see cref="VectorSubsetSumMethod.Heuristic"/> (and the starting incumbent of the exact
/// search). It keeps the residual r = z - Σ_{i∈S} X_i and
/// <list type="number">
/// <item><b>greedy</b>: from S = ∅ add the vector that lowers ||r|| most, while that helps (with |S| = k: add the best k);</item>
/// <item><b>local search</b>: apply any move that lowers ||r|| (add or drop one vector unless the size is fixed,
/// swap one kept vector for one dropped vector) until none does;</item>
/// <item><b>large-neighbourhood search</b>: pick a window of about <see cref="WindowSize"/> vectors (fewer in high dimension, <see cref="WindowFor"/>) (half kept, half
/// dropped, chosen by a seeded generator), fix S outside the window and re-solve the window exactly by meet in
/// the middle; keep the result if it is better, run the local search again, and stop after
/// <see cref="Patience"/> rounds in a row without improvement.</item>
/// </list>
/// Each accepted move strictly lowers the error, so the search always ends; every step is deterministic.
/// </summary>
internal sealed class VectorLocalSearch<TMetric> where TMetric : struct, IErrorMetric
{
    /// <summary>Vectors re-solved exactly per large-neighbourhood round in dimension d &lt;= 16 (two halves of 2^10 sums).</summary>
    public const int WindowSize = 20;

    /// <summary>
    /// The window for dimension <paramref name="d"/>: <see cref="WindowSize"/> up to d = 16, then 16 up to d = 64, then 12.
    /// In high dimension the k-d trees prune less, so a window costs nearly all its pairs; smaller windows keep rounds cheap.
    /// </summary>
    public static int WindowFor(int d) => d <= 16 ? WindowSize : d <= 64 ? 16 : 12;

    /// <summary>Rounds in a row without improvement after which the large-neighbourhood search stops.</summary>
    public const int Patience = 12;

    /// <summary>Upper limit on large-neighbourhood rounds.</summary>
    public const int MaxRounds = 400;

    private readonly IReadOnlyList<double[]> _v;
    private readonly double[] _t;
    private readonly int _n, _d;
    private readonly int? _size;
    private readonly bool[] _chosen;
    private readonly double[] _residual;

    /// <summary>Raw error of the current subset.</summary>
    public double Raw { get; private set; }

    /// <summary>The budget ran out during the large-neighbourhood search.</summary>
    public bool Stopped { get; private set; }

    /// <summary>A window held every vector and its exact search ran to the end: the current subset is optimal.</summary>
    public bool Proven { get; private set; }

    public VectorLocalSearch(IReadOnlyList<double[]> vectors, double[] target, int? size)
    {
        _v = vectors;
        _t = target;
        _n = vectors.Count;
        _d = target.Length;
        _size = size;
        _chosen = new bool[_n];
        _residual = (double[])target.Clone();
        Raw = RawOf(_residual);
    }

    /// <summary>The current subset, ascending.</summary>
    public int[] Indices()
    {
        var list = new List<int>();
        for (int i = 0; i < _n; i++) if (_chosen[i]) list.Add(i);
        return [.. list];
    }

    /// <summary>Step 1: greedy construction.</summary>
    public void Greedy()
    {
        int steps = _size ?? _n;
        for (int step = 0; step < steps; step++)
        {
            int best = -1;
            double bestRaw = _size is null ? Raw : double.PositiveInfinity;
            for (int i = 0; i < _n; i++)
            {
                if (_chosen[i]) continue;
                double r = MoveRaw(-1, i, bestRaw);
                if (r < bestRaw) { bestRaw = r; best = i; }
            }
            if (best < 0) break;
            Apply(-1, best, bestRaw);
        }
    }

    /// <summary>Step 2: first-improvement local search until no single add, drop or swap lowers the error.</summary>
    public void Improve()
    {
        bool improved = true;
        while (improved)
        {
            improved = false;
            if (_size is null)
            {
                for (int i = 0; i < _n; i++)
                {
                    double r = _chosen[i] ? MoveRaw(i, -1, Raw) : MoveRaw(-1, i, Raw);
                    if (r < Raw)
                    {
                        if (_chosen[i]) Apply(i, -1, r); else Apply(-1, i, r);
                        improved = true;
                    }
                }
            }
            for (int o = 0; o < _n; o++)
            {
                if (!_chosen[o]) continue;
                for (int i = 0; i < _n; i++)
                {
                    if (_chosen[i]) continue;
                    double r = MoveRaw(o, i, Raw);
                    if (r < Raw)
                    {
                        Apply(o, i, r);
                        improved = true;
                        break; // o is no longer chosen
                    }
                }
            }
        }
    }

    /// <summary>Step 3: large-neighbourhood search; stops at <paramref name="toleranceRaw"/>, on the budget, or after <see cref="Patience"/> idle rounds.</summary>
    public void LargeNeighbourhood(Random rng, double toleranceRaw, SearchBudget budget)
    {
        int m = Math.Min(_n, WindowFor(_d));
        int idle = 0;
        for (int round = 0; round < MaxRounds && idle < Patience && Raw > toleranceRaw; round++)
        {
            if (budget.Exhausted || budget.CheckTime()) { Stopped = true; return; }
            int[] window = ChooseWindow(m, rng);
            // Target of the window: z minus the kept vectors outside it = residual plus the kept ones inside it.
            var windowTarget = (double[])_residual.Clone();
            int keptInside = 0;
            foreach (int i in window)
            {
                if (!_chosen[i]) continue;
                keptInside++;
                double[] x = _v[i];
                for (int c = 0; c < _d; c++) windowTarget[c] += x[c];
            }
            using var index = new VectorMeetInTheMiddle(_v, window, _d, window.Length / 2, bySize: _size is not null);
            var search = new DualTreeSearch<TMetric>(windowTarget, Raw, toleranceRaw, budget);
            index.Search(search, _size is null ? null : keptInside);
            if (budget.Exhausted) Stopped = true;
            if (window.Length == _n && !search.Stopped)
            {
                // The window was the whole instance and its search finished: nothing better exists.
                if (search.Found) Replace(window, index.Indices(search.BestMaskA, search.BestMaskB));
                Proven = true;
                return;
            }
            if (search.Found && Replace(window, index.Indices(search.BestMaskA, search.BestMaskB)))
            {
                Improve();
                idle = 0;
            }
            else idle++;
            if (Stopped) return;
        }
    }

    // Half of the window from the kept vectors, the rest from the dropped ones (each in seeded random order).
    private int[] ChooseWindow(int m, Random rng)
    {
        var kept = new List<int>();
        var dropped = new List<int>();
        for (int i = 0; i < _n; i++) (_chosen[i] ? kept : dropped).Add(i);
        int[] k = [.. kept], u = [.. dropped];
        rng.Shuffle(k);
        rng.Shuffle(u);
        int fromKept = Math.Min(k.Length, Math.Max(m / 2, m - u.Length));
        int fromDropped = Math.Min(u.Length, m - fromKept);
        var window = new int[fromKept + fromDropped];
        Array.Copy(k, window, fromKept);
        Array.Copy(u, 0, window, fromKept, fromDropped);
        Array.Sort(window);
        return window;
    }

    // Replaces the window's part of S by `inside`; keeps the change only if the recomputed error is lower.
    private bool Replace(int[] window, int[] inside)
    {
        var saved = (bool[])_chosen.Clone();
        foreach (int i in window) _chosen[i] = false;
        foreach (int i in inside) _chosen[i] = true;
        var residual = (double[])_t.Clone();
        for (int i = 0; i < _n; i++)
        {
            if (!_chosen[i]) continue;
            double[] x = _v[i];
            for (int c = 0; c < _d; c++) residual[c] -= x[c];
        }
        double raw = RawOf(residual);
        if (raw < Raw)
        {
            Array.Copy(residual, _residual, _d);
            Raw = raw;
            return true;
        }
        Array.Copy(saved, _chosen, _n);
        return false;
    }

    // Raw error after dropping `remove` and adding `add` (either may be -1), stopping early at `cutoff`.
    // The arithmetic matches Apply, so the error after Apply is exactly the one computed here.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double MoveRaw(int remove, int add, double cutoff)
    {
        double[] r = _residual;
        double acc = 0;
        if (remove >= 0 && add >= 0)
        {
            double[] xo = _v[remove], xi = _v[add];
            for (int c = 0; c < _d; c++) { acc = TMetric.Combine(acc, r[c] + xo[c] - xi[c]); if (acc >= cutoff) return acc; }
        }
        else if (add >= 0)
        {
            double[] xi = _v[add];
            for (int c = 0; c < _d; c++) { acc = TMetric.Combine(acc, r[c] - xi[c]); if (acc >= cutoff) return acc; }
        }
        else
        {
            double[] xo = _v[remove];
            for (int c = 0; c < _d; c++) { acc = TMetric.Combine(acc, r[c] + xo[c]); if (acc >= cutoff) return acc; }
        }
        return acc;
    }

    private void Apply(int remove, int add, double raw)
    {
        double[] r = _residual;
        if (remove >= 0 && add >= 0)
        {
            double[] xo = _v[remove], xi = _v[add];
            for (int c = 0; c < _d; c++) r[c] = r[c] + xo[c] - xi[c];
        }
        else if (add >= 0)
        {
            double[] xi = _v[add];
            for (int c = 0; c < _d; c++) r[c] = r[c] - xi[c];
        }
        else
        {
            double[] xo = _v[remove];
            for (int c = 0; c < _d; c++) r[c] = r[c] + xo[c];
        }
        if (remove >= 0) _chosen[remove] = false;
        if (add >= 0) _chosen[add] = true;
        Raw = raw;
    }

    private double RawOf(double[] residual)
    {
        double acc = 0;
        for (int c = 0; c < _d; c++) acc = TMetric.Combine(acc, residual[c]);
        return acc;
    }
}
