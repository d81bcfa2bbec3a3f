namespace LotteryTickets.SubsetSum;

/// <summary>
/// The all-targets check of multidimensional random subset sum: does one sample X_1..X_n approximate
/// EVERY target z in [-1,1]^d? Its answer is the coverage radius
/// eps*(X) = sup_{z ∈ [-1,1]^d} f(z), with f(z) = min_S ||z - Σ_{i∈S} X_i||.
/// <para><b>Grid bounds.</b> Cut [-1,1]^d into cubic cells of half-width r. f is 1-Lipschitz, so on a cell with
/// centre g, f &lt;= f(g) + r·κ, with κ = 1 in the max-norm and κ = sqrt(d) in the Euclidean norm. Hence
/// max_g f(g) &lt;= eps* &lt;= max_g f(g) + r·κ: the grid gives a lower and an upper bound. Cells whose bound is
/// not good enough are cut into 2^d half-size cells (adaptive refinement), so only the neighbourhoods of the
/// largest holes are searched finely. Cells are processed coarse to fine (breadth first): a depth-first order can
/// chase for ever a point where f touches eps from below while an uncovered cell waits elsewhere.</para>
/// <para><b>Cost.</b> Each grid point is one best-subset search over an index of all subset sums built once per
/// sample (meet in the middle with k-d trees; the more grid points, the more of the sums go into one big tree,
/// up to <see cref="MaxIndexedSums"/>), and most searches stop early at a threshold. The starting grid has (2/h)^d points for spacing h, so the check is for small d: grids above
/// <c>pointLimit</c> (default <see cref="DefaultPointLimit"/>) are refused with an error.</para>
/// </summary>
public static class GridCoverage
{
    /// <summary>Default limit on the grid points evaluated (the starting grid must fit; refinement stops there).</summary>
    public const long DefaultPointLimit = 2_000_000;

    /// <summary>Largest number of subset sums kept in the index's single big tree (the rest is met in the middle).</summary>
    public const int MaxIndexedSums = 1 << 20;

    /// <summary>
    /// The spacing of the starting grid of <see cref="Check"/> for tolerance <paramref name="epsilon"/>: h = eps/κ
    /// (κ = 1 for the max-norm, sqrt(d) for the Euclidean norm), so every cell has radius eps/2 and cells whose
    /// centre is within eps/2 of a subset sum are certified at once.
    /// </summary>
    /// <param name="epsilon">The tolerance eps &gt; 0.</param>
    /// <param name="dimension">The dimension d.</param>
    /// <param name="norm">The norm.</param>
    public static double CheckSpacing(double epsilon, int dimension, VectorNorm norm = VectorNorm.Max) =>
        epsilon / Kappa(norm, dimension);

    /// <summary>
    /// The spacing of the starting grid of <see cref="Bounds"/> for resolution <paramref name="resolution"/>:
    /// h = min(8·resolution, 2)/κ, coarse on purpose: refinement then goes deep only around the largest holes.
    /// </summary>
    /// <param name="resolution">The requested resolution of the bounds, &gt; 0.</param>
    /// <param name="dimension">The dimension d.</param>
    /// <param name="norm">The norm.</param>
    public static double BoundsSpacing(double resolution, int dimension, VectorNorm norm = VectorNorm.Max) =>
        Math.Min(8 * resolution, 2.0) / Kappa(norm, dimension);

    /// <summary>
    /// Decides whether every target in [-1,1]^d is within <paramref name="epsilon"/> of a subset sum of
    /// <paramref name="vectors"/> (of size <paramref name="fixedSize"/> when given). Starts from a grid of spacing
    /// <see cref="CheckSpacing"/>: a cell is certified when its centre g has f(g) &lt;= eps - r·κ, the answer is
    /// NotCovered as soon as some centre has f(g) &gt; eps, and cells in between are refined.
    /// </summary>
    /// <param name="vectors">The sample X_1..X_n (n &gt;= 1; same dimension d; finite).</param>
    /// <param name="epsilon">The tolerance eps &gt; 0.</param>
    /// <param name="norm">The norm of the error (default max-norm).</param>
    /// <param name="fixedSize">When set, only subsets of exactly this size count.</param>
    /// <param name="pointLimit">Largest number of grid points to evaluate; the starting grid must fit.</param>
    /// <exception cref="ArgumentException">No vectors, mixed dimensions, or non-finite values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">eps &lt;= 0, fixedSize out of 0..n, the starting grid exceeds
    /// <paramref name="pointLimit"/> or the memory available, or n is too large for the index.</exception>
    public static CoverageCheck Check(IReadOnlyList<double[]> vectors, double epsilon, VectorNorm norm = VectorNorm.Max,
        int? fixedSize = null, long pointLimit = DefaultPointLimit)
    {
        int d = Validate(vectors, fixedSize, pointLimit, norm);
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be a finite number > 0; got {epsilon}.");
        double spacing = CheckSpacing(epsilon, d, norm);
        int perAxis = PointsPerAxis(spacing, d, pointLimit, nameof(epsilon));
        if (norm == VectorNorm.Max)
        {
            using var evaluator = new Evaluator<MaxMetric>(vectors, d, fixedSize, 1.0, Math.Pow(perAxis, d));
            return evaluator.Check(epsilon, perAxis, pointLimit, spacing, norm);
        }
        using var euclidean = new Evaluator<EuclideanMetric>(vectors, d, fixedSize, Math.Sqrt(d), Math.Pow(perAxis, d));
        return euclidean.Check(epsilon, perAxis, pointLimit, spacing, norm);
    }

    /// <summary>
    /// Lower and upper bounds on the coverage radius eps*(X) of <paramref name="vectors"/> over [-1,1]^d, refined
    /// until Upper - Lower &lt;= <paramref name="resolution"/> (or the point limit is reached: Resolved = false).
    /// Branch and bound on the Lipschitz function f: the cell with the largest upper bound f(g) + r·κ is refined
    /// first, cells whose upper bound is within the resolution of the best lower bound are closed.
    /// </summary>
    /// <param name="vectors">The sample X_1..X_n (n &gt;= 1; same dimension d; finite).</param>
    /// <param name="resolution">The wanted width of [Lower, Upper], &gt; 0.</param>
    /// <param name="norm">The norm of the error (default max-norm).</param>
    /// <param name="fixedSize">When set, only subsets of exactly this size count.</param>
    /// <param name="pointLimit">Largest number of grid points to evaluate; the starting grid must fit.</param>
    /// <exception cref="ArgumentException">No vectors, mixed dimensions, or non-finite values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">resolution &lt;= 0, fixedSize out of 0..n, the starting grid exceeds
    /// <paramref name="pointLimit"/> or the memory available, or n is too large for the index.</exception>
    public static CoverageBounds Bounds(IReadOnlyList<double[]> vectors, double resolution, VectorNorm norm = VectorNorm.Max,
        int? fixedSize = null, long pointLimit = DefaultPointLimit)
    {
        int d = Validate(vectors, fixedSize, pointLimit, norm);
        if (!(resolution > 0) || !double.IsFinite(resolution))
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"resolution must be a finite number > 0; got {resolution}.");
        double spacing = BoundsSpacing(resolution, d, norm);
        int perAxis = PointsPerAxis(spacing, d, pointLimit, nameof(resolution));
        if (norm == VectorNorm.Max)
        {
            using var evaluator = new Evaluator<MaxMetric>(vectors, d, fixedSize, 1.0, 4 * Math.Pow(perAxis, d));
            return evaluator.Bounds(resolution, perAxis, pointLimit, spacing, norm);
        }
        using var euclidean = new Evaluator<EuclideanMetric>(vectors, d, fixedSize, Math.Sqrt(d), 4 * Math.Pow(perAxis, d));
        return euclidean.Bounds(resolution, perAxis, pointLimit, spacing, norm);
    }

    /// <summary>
    /// The smallest n in <paramref name="startN"/>..vectors.Count for which the first n vectors cover [-1,1]^d within
    /// <paramref name="epsilon"/> (null if none does). Coverage only improves with n, so the cells certified for some
    /// n stay certified: the scan keeps one list of open cells, and when a cell's centre is farther than eps from every
    /// sum of the first n vectors it moves on to n + 1 with that cell first. The whole scan costs about one check plus
    /// one index per n. Inputs are trusted (validated by the caller). Uncertain is true when a cell could not be
    /// decided within the point limit and was treated as uncovered.
    /// </summary>
    internal static (int? N, bool Uncertain) SmallestCoveringPrefix(double[][] vectors, double epsilon, int startN, VectorNorm norm, long pointLimit) =>
        norm == VectorNorm.Max
            ? SmallestCoveringPrefix<MaxMetric>(vectors, epsilon, startN, norm, pointLimit, 1.0)
            : SmallestCoveringPrefix<EuclideanMetric>(vectors, epsilon, startN, norm, pointLimit, Math.Sqrt(vectors[0].Length));

    private static (int? N, bool Uncertain) SmallestCoveringPrefix<TMetric>(double[][] vectors, double epsilon, int startN, VectorNorm norm,
        long pointLimit, double kappa) where TMetric : struct, IErrorMetric
    {
        int d = vectors[0].Length, maxN = vectors.Length;
        if (startN <= 0 && epsilon >= kappa) return (0, false); // the empty sum 0 is within kappa of every target
        int n = Math.Max(1, startN);
        if (n > maxN) return (null, false);
        int perAxis = PointsPerAxis(CheckSpacing(epsilon, d, norm), d, pointLimit, nameof(epsilon));
        double queries = Math.Pow(perAxis, d);
        Evaluator<TMetric> Build(int count) => new(new ArraySegment<double[]>(vectors, 0, count), d, null, kappa, queries);
        var evaluator = Build(n);
        try
        {
            double startRaw = Math.BitIncrement(TMetric.ToRaw(epsilon));
            var pending = new Queue<(double[] Centre, double Half)>();
            foreach (var centre in evaluator.StartingGrid(perAxis)) pending.Enqueue((centre, 1.0 / perAxis));
            long points = 0;
            bool uncertain = false;
            while (pending.Count > 0)
            {
                var (g, half) = pending.Peek();
                long before = evaluator.Points;
                var search = evaluator.Query(g, startRaw, Evaluator<TMetric>.Raw(epsilon - half * kappa));
                points += evaluator.Points - before;
                bool undecidable = search.Found && !search.Stopped && (half < 1e-9 || points + pending.Count + (1L << Math.Min(d, 62)) > pointLimit);
                if (!search.Found || undecidable)
                {
                    // This cell is not covered by the first n vectors (or cannot be shown to be): try n + 1.
                    uncertain |= undecidable;
                    if (++n > maxN) return (null, uncertain);
                    evaluator.Dispose();
                    evaluator = Build(n);
                    continue;
                }
                pending.Dequeue();
                if (search.Stopped) continue; // certified for n, hence for every larger n
                foreach (var child in evaluator.Children(g, half)) pending.Enqueue((child, half / 2));
            }
            return (n, uncertain);
        }
        finally
        {
            evaluator.Dispose();
        }
    }

    private static double Kappa(VectorNorm norm, int d) => norm == VectorNorm.Max ? 1.0 : Math.Sqrt(d);

    private static int Validate(IReadOnlyList<double[]> vectors, int? fixedSize, long pointLimit, VectorNorm norm)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
            throw new ArgumentException("vectors must hold at least one vector (the dimension d is read from it); got none.", nameof(vectors));
        double[] first = vectors[0] ?? throw new ArgumentException("vectors[0] is null.", nameof(vectors));
        int d = first.Length;
        if (d == 0)
            throw new ArgumentException("vectors must have dimension d >= 1; vectors[0] is empty.", nameof(vectors));
        VectorSubsetSum.ValidateVectors(vectors, d, nameof(vectors));
        int n = vectors.Count;
        if (fixedSize is int k && (k < 0 || k > n))
            throw new ArgumentOutOfRangeException(nameof(fixedSize), k, $"fixedSize (k) must be between 0 and n = {n}; got {k}.");
        if (pointLimit < 1)
            throw new ArgumentOutOfRangeException(nameof(pointLimit), pointLimit, $"pointLimit must be at least 1; got {pointLimit}.");
        if (!Enum.IsDefined(norm))
            throw new ArgumentOutOfRangeException(nameof(norm), norm, $"norm must be Max or Euclidean; got {norm}.");
        var (countA, countB) = Split(n, d, 1);
        double bytes = VectorMeetInTheMiddle.Bytes(countA, countB, d);
        if (bytes > VectorSubsetSum.ExactMaxBytes)
            throw new ArgumentOutOfRangeException(nameof(vectors), n,
                $"n = {n} vectors of dimension {d} are too many for the all-targets check: its subset-sum index would need about " +
                $"{bytes:N0} bytes, above VectorSubsetSum.ExactMaxBytes = {VectorSubsetSum.ExactMaxBytes:N0}.");
        return d;
    }

    // Splits the n items between the halves of the index for about `queries` searches. Building costs about
    // 2^a + 2^b and each search about 2^a (the A side is scanned, B is searched), so a = (n - log2 queries)/2
    // balances the two; B is capped at MaxIndexedSums sums and 2^22 coordinates, and the halves are balanced
    // when the cap bites.
    private static (int CountA, int CountB) Split(int n, int d, double queries)
    {
        int countBMax = 0;
        while ((1L << (countBMax + 1)) <= MaxIndexedSums && (1L << (countBMax + 1)) * d <= (1L << 22)) countBMax++;
        int countA = Math.Max(0, (int)Math.Ceiling((n - Math.Log2(Math.Max(1, queries))) / 2));
        int countB = n - countA;
        if (countB > countBMax) { countB = countBMax; countA = n - countB; }
        if (countA > countB) { countA = n / 2; countB = n - countA; }
        return (countA, countB);
    }

    private static int PointsPerAxis(double spacing, int d, long pointLimit, string paramName)
    {
        int perAxis = Math.Max(1, (int)Math.Ceiling(2.0 / spacing - 1e-9));
        double points = Math.Pow(perAxis, d);
        if (points > pointLimit)
            throw new ArgumentOutOfRangeException(paramName,
                $"The starting grid over [-1,1]^{d} with spacing {spacing:G3} has {perAxis}^{d} = {points:G4} points, above pointLimit = {pointLimit:N0} " +
                $"(GridCoverage.DefaultPointLimit = {DefaultPointLimit:N0}). The all-targets check is for small dimensions: use a larger {paramName}, " +
                "a smaller dimension, or pass a larger pointLimit.");
        // The starting cells are queued before the first is evaluated: each holds its centre (8·d bytes and an array
        // header) and a queue slot, about 8·d + 96 bytes with the queue's growth.
        Workbook.MemoryGuard.Check(points * (8.0 * d + 96), paramName, null,
            $"the starting grid over [-1,1]^{d} with spacing {spacing:G3} ({perAxis}^{d} = {points:G4} cells, queued before the first is evaluated)",
            $"use a larger {paramName} or a smaller dimension");
        return perAxis;
    }

    // Nearest-subset-sum searches at many targets over one index of the sample's subset sums.
    private sealed class Evaluator<TMetric> : IDisposable where TMetric : struct, IErrorMetric
    {
        public void Dispose() => _index.Dispose();

        private readonly int _d;
        private readonly int? _size;
        private readonly double _kappa;
        private readonly VectorMeetInTheMiddle _index;
        private readonly IReadOnlyList<double[]> _vectors;
        private long _points;

        public Evaluator(IReadOnlyList<double[]> vectors, int d, int? fixedSize, double kappa, double expectedQueries)
        {
            _vectors = vectors;
            _d = d;
            _size = fixedSize;
            _kappa = kappa;
            var (countA, _) = Split(vectors.Count, d, expectedQueries);
            var items = new int[vectors.Count];
            for (int i = 0; i < items.Length; i++) items[i] = i;
            _index = new VectorMeetInTheMiddle(vectors, items, d, countA, bySize: fixedSize is not null);
        }

        // Searches for a subset with raw error strictly below startRaw, stopping once one is <= toleranceRaw.
        public DualTreeSearch<TMetric> Query(double[] target, double startRaw, double toleranceRaw)
        {
            _points++;
            var search = new DualTreeSearch<TMetric>(target, startRaw, toleranceRaw, SearchBudget.Unlimited());
            _index.Search(search, _size);
            return search;
        }

        public static double Raw(double error) => error < 0 ? -1 : TMetric.ToRaw(error);

        public long Points => _points;

        public CoverageCheck Check(double epsilon, int perAxis, long pointLimit, double spacing, VectorNorm norm)
        {
            // Errors equal to eps count as covered: search strictly below the next double above eps.
            double startRaw = Math.BitIncrement(TMetric.ToRaw(epsilon));
            var pending = new Queue<(double[] Centre, double Half)>();
            foreach (var centre in StartingGrid(perAxis)) pending.Enqueue((centre, 1.0 / perAxis));
            bool undetermined = false;
            while (pending.Count > 0)
            {
                var (g, half) = pending.Dequeue();
                var search = Query(g, startRaw, Raw(epsilon - half * _kappa));
                if (!search.Found) return new CoverageCheck(epsilon, CoverageOutcome.NotCovered, g, _points, spacing, norm);
                if (search.Stopped) continue; // certified: f(g) + r·κ <= eps
                // eps - r·κ < f(g) <= eps: refine, unless out of points or cells are already tiny.
                if (half < 1e-9 || _points + pending.Count + (1L << Math.Min(_d, 62)) > pointLimit) { undetermined = true; continue; }
                foreach (var child in Children(g, half)) pending.Enqueue((child, half / 2));
            }
            return new CoverageCheck(epsilon, undetermined ? CoverageOutcome.Undetermined : CoverageOutcome.Covered, null, _points, spacing, norm);
        }

        public CoverageBounds Bounds(double resolution, int perAxis, long pointLimit, double spacing, VectorNorm norm)
        {
            double lower = double.NegativeInfinity, upper = 0;
            double[] worst = [];
            int[] worstSubset = [];
            // Open cells by decreasing upper bound f(g) + r·κ.
            var open = new PriorityQueue<(double[] Centre, double Half, double Upper), double>();

            void Evaluate(double[] g, double half)
            {
                double reach = half * _kappa;
                // Enough to know that f(g) + r·κ <= lower + resolution: stop the search there.
                double threshold = lower + resolution - reach;
                var search = Query(g, double.PositiveInfinity, Raw(threshold));
                if (search.Stopped)
                {
                    upper = Math.Max(upper, threshold + reach);
                    return;
                }
                double f = TMetric.FromRaw(search.BestRaw); // the search ran to its end: f(g) exactly
                if (f > lower)
                {
                    lower = f;
                    worst = g;
                    worstSubset = _index.Indices(search.BestMaskA, search.BestMaskB);
                }
                if (f + reach <= lower + resolution) upper = Math.Max(upper, f + reach);
                else open.Enqueue((g, half, f + reach), -(f + reach));
            }

            foreach (var centre in StartingGrid(perAxis)) Evaluate(centre, 1.0 / perAxis);
            bool resolved = true;
            while (open.Count > 0)
            {
                var (g, half, cellUpper) = open.Dequeue();
                if (cellUpper <= lower + resolution) { upper = Math.Max(upper, cellUpper); continue; }
                if (half < 1e-9 || _points + (1L << Math.Min(_d, 62)) > pointLimit)
                {
                    // Out of budget: this cell (the largest open bound) and all the others stay open.
                    upper = Math.Max(upper, cellUpper);
                    resolved = false;
                    break;
                }
                foreach (var child in Children(g, half)) Evaluate(child, half / 2);
            }
            var choice = VectorSubsetChoice.Create(_vectors, worstSubset, worst, norm, true, VectorSubsetSumMethod.Exact, 0);
            return new CoverageBounds(lower, Math.Max(upper, lower), worst, choice.Sum, worstSubset, resolved, _points, spacing, norm);
        }

        // Centres -1 + (i + 1/2)·(2/m) of the m^d cells, in odometer order (last coordinate fastest).
        public IEnumerable<double[]> StartingGrid(int perAxis)
        {
            var index = new int[_d];
            double step = 2.0 / perAxis;
            while (true)
            {
                var g = new double[_d];
                for (int c = 0; c < _d; c++) g[c] = -1 + (index[c] + 0.5) * step;
                yield return g;
                int k = _d - 1;
                while (k >= 0 && ++index[k] == perAxis) index[k--] = 0;
                if (k < 0) yield break;
            }
        }

        // The 2^d children of the cell with centre g and half-width `half`: centres g ± half/2.
        public IEnumerable<double[]> Children(double[] g, double half)
        {
            long count = 1L << _d;
            for (long mask = 0; mask < count; mask++)
            {
                var child = new double[_d];
                for (int c = 0; c < _d; c++) child[c] = g[c] + ((mask >> c & 1) == 0 ? -half / 2 : half / 2);
                yield return child;
            }
        }
    }
}
