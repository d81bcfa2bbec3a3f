using LotteryTickets.Statistics;
namespace LotteryTickets.SubsetSum;

/// <summary>
/// The best subset for one target in multidimensional subset sum: given vectors X_1..X_n in R^d and a target
/// z, find S ⊆ {1..n} (optionally with |S| = k) minimising ||z - Σ_{i∈S} X_i|| in the max-norm (or the
/// Euclidean norm). This is one instance of the paper's structured pruning: the X_i are the kernels
/// |u_i|·V[j,i] a random layer offers, z is a target kernel, and S is the set of kernels kept.
/// <para><b>Methods.</b></para>
/// <list type="bullet">
/// <item><b>Exact</b> (meet in the middle with k-d trees): the vectors are split into halves A and B, all
/// 2^(n/2) subset sums of each half go into a k-d tree (one tree per subset size for |S| = k), and a
/// branch and bound over pairs of tree nodes finds the pair a + b nearest to z, pruning node pairs whose box
/// of sums is no closer than the best pair found (see <c>DualTreeSearch</c>). It starts from the heuristic's
/// greedy + local-search answer. When it runs to the end the answer is certified optimal
/// (<see cref="VectorSubsetChoice.ProvenOptimal"/>). Memory grows as 2^(n/2)·d; it is refused above
/// <see cref="ExactMaxBytes"/>.</item>
/// <item><b>KTree</b> (generalized birthday): for many vectors in low dimension. Leaves of 6 to 11 vectors list all
/// their subset sums; a binary tree merges them pairwise, keeping at every node only the partial sums whose coordinates
/// fall in windows around that node's share of the target, a few coordinates narrower per level; the root picks the best
/// pair (see <see cref="VectorSubsetSumMethod.KTree"/>). Tens of milliseconds; at d = 9 it reaches median errors near 0.06
/// with 128 vectors and 0.03 with 256, where the local search stalls near 0.2. Not certified; needs at least
/// <see cref="KTreeMinItems"/> vectors and does not take a fixed size.</item>
/// <item><b>Heuristic</b>: greedy, then local search (add, drop, swap), then large-neighbourhood rounds that
/// re-solve windows of 12 to 20 vectors exactly (see <see cref="VectorSubsetSumMethod.Heuristic"/>). Milliseconds
/// for n in the hundreds; its answer is not certified. It is what remains where the k-tree does not work: fixed sizes and
/// high dimension (above <see cref="KTreeMaxDimension"/>, where the k-tree's windows cannot narrow every coordinate).</item>
/// <item><b>Auto</b> (default) picks with <see cref="MethodFor"/>: Exact when <see cref="UsesExactSearch"/> says so
/// (for d &lt;= 16: n &lt;= <see cref="AutoProvenMaxItems"/> when the optimum is asked for, n &lt;= <see cref="AutoExactMaxItems"/>
/// with a tolerance or a fixed size; slightly fewer vectors for larger d), else KTree up to
/// d = <see cref="KTreeMaxDimension"/> without a fixed size, else Heuristic.</item>
/// </list>
/// With <see cref="VectorSubsetSumOptions.Tolerance"/> &gt; 0 every method stops at the first subset within the
/// tolerance, which the greedy and local-search start usually finds in microseconds when the tolerance is
/// comfortably reachable; KTree starts with the smallest tree predicted to reach it and widens its lists four-fold per
/// attempt. When it is not reachable, Exact still has to prove that (tens of milliseconds at n = 32, d = 9), Heuristic
/// runs its rounds to the end and KTree ends with its best-effort tree; bound such calls with
/// <see cref="VectorSubsetSumOptions.TimeLimit"/> or <see cref="VectorSubsetSumOptions.NodeLimit"/>.
/// </summary>
public static class VectorSubsetSum
{
    /// <summary>Largest n for which <see cref="VectorSubsetSumMethod.Auto"/> uses the exact search in dimension d &lt;= 16 when the
    /// call has a tolerance or a fixed size (see <see cref="UsesExactSearch"/>).</summary>
    public const int AutoExactMaxItems = 34;

    /// <summary>Largest n for which <see cref="VectorSubsetSumMethod.Auto"/> proves the optimum in dimension d &lt;= 16 when the call
    /// asks for it (no tolerance, any size): a median proof of 0.3 to 0.8 s at n = 44 with the shifts on two threads (see <see cref="UsesExactSearch"/>).</summary>
    public const int AutoProvenMaxItems = 44;

    /// <summary>Memory limit of the exact search's half-sum trees: 1 GiB (see <see cref="ExactBytes"/>).</summary>
    public const long ExactMaxBytes = 1L << 30;

    /// <summary>Most vectors <see cref="VectorSubsetSumMethod.Exact"/> accepts: 48, the largest size measured (a proof at d = 9
    /// took 0.4 to 4.6 s there on 2 cores; each two more vectors multiply the work by about two to four).</summary>
    public const int ExactMaxItems = 48;

    /// <summary>Most vectors the exact search takes out of its two halves (2^8 = 256 shifted targets; see <see cref="ExactSplit"/>).</summary>
    public const int ExactMaxOuterItems = 8;

    /// <summary>From this many vectors on, the exact search takes some out of its halves (see <see cref="ExactSplit"/>).</summary>
    internal const int ExactOuterFromItems = 40;

    /// <summary>Most vectors in the two halves together once vectors are taken out: halves of 20 (2^20 sums each).</summary>
    internal const int ExactInnerMaxItems = 40;

    /// <summary>From this many vectors on, the exact search takes out the most it may (<see cref="ExactMaxOuterItems"/>), which
    /// searches its shifts on two threads faster than larger halves (see <see cref="ExactSplit"/>).</summary>
    internal const int ExactFullOuterFromItems = 46;

    /// <summary>
    /// Approximate peak bytes of the exact search on <paramref name="n"/> vectors of dimension <paramref name="d"/>: the index of
    /// its two halves (<see cref="ExactSplit"/>), (2^A + 2^B) half sums of 8·d + 8 bytes, stored twice while the trees are built,
    /// plus the trees' bounding boxes (factor 2.5 in all): about 26 MB at n = 32, 420 MB from n = 42 on at d = 9 (halves of 20;
    /// about half that at n = 46, halves of 19).
    /// The vectors taken out of the halves cost no memory.
    /// </summary>
    /// <param name="n">Number of vectors.</param>
    /// <param name="d">Dimension.</param>
    public static double ExactBytes(int n, int d)
    {
        var (a, b, _) = ExactSplit(n, d);
        return VectorMeetInTheMiddle.Bytes(a, b, d);
    }

    /// <summary>
    /// How the exact search splits n vectors in dimension d: halves of A and B vectors (meet in the middle, one index) and
    /// <c>Outer</c> vectors taken out of them. Below <see cref="ExactOuterFromItems"/> vectors everything goes into the halves;
    /// from there on the halves hold at most <see cref="ExactInnerMaxItems"/> vectors and at least 2 are taken out (40 = 19 + 19 + 2,
    /// 48 = 20 + 20 + 8), and more (up to <see cref="ExactMaxOuterItems"/>) when the halves would not fit in
    /// <see cref="ExactMaxBytes"/>. The index is queried once per subset of the outer vectors (see <c>ShiftedSearch</c>).
    /// Measured at d = 9 (docs/performance-multidimensional.md): two halves of 22 at n = 44 took 1.5 s (median) against 0.6 s for
    /// 20 + 20 + 4; at n = 48, 22 + 22 + 4 took 1.5 s, 21 + 21 + 6 1.3 s and 20 + 20 + 8 1.15 s. From
    /// <see cref="ExactFullOuterFromItems"/> (46) on, all 8 are taken out (46 = 19 + 19 + 8, 47 = 19 + 20 + 8): with the shifts on two
    /// threads, 19 + 19 + 8 beat 20 + 20 + 6 on every instance at n = 46 (median 0.52 s against 0.61 s), where at n = 44 18 + 18 + 8
    /// and 20 + 20 + 4 were even.
    /// </summary>
    internal static (int A, int B, int Outer) ExactSplit(int n, int d)
    {
        int inner = n >= ExactFullOuterFromItems ? n - ExactMaxOuterItems
            : n >= ExactOuterFromItems ? Math.Min(ExactInnerMaxItems, n - 2) : n;
        while (inner > 1 && n - inner < ExactMaxOuterItems && VectorMeetInTheMiddle.Bytes(inner / 2, inner - inner / 2, d) > ExactMaxBytes) inner--;
        return (inner / 2, inner - inner / 2, n - inner);
    }

    /// <summary>
    /// Bytes a two-thread build of the half-sum trees needs beyond <see cref="ExactBytes"/>: both halves' enumerated sums
    /// (8·d bytes each) exist at once, where one after the other the second half reuses the first half's buffers. This holds
    /// for the by-size trees (a fixed size k); the any-size trees make their sums block by block and need little extra
    /// (measured peak resident set at n = 42, d = 9: 374 MiB one after the other, 382 MiB on two threads, with 36 MiB for
    /// the runtime; 791 and 960 MiB before the trees were made lazily). The exact search builds on two threads only while
    /// the sum stays within <see cref="ExactMaxBytes"/>.
    /// </summary>
    internal static double ParallelBuildExtraBytes(int n, int d) => 8.0 * d * Math.Pow(2, ExactSplit(n, d).A);

    /// <summary>
    /// Whether <see cref="VectorSubsetSumMethod.Auto"/> picks the exact search for n vectors of dimension d.
    /// <list type="bullet">
    /// <item>A call that asks for the optimum (<paramref name="tolerance"/> = 0, any size): up to
    /// <see cref="AutoProvenMaxItems"/> (44) vectors for d &lt;= 16, where a proof takes a median 0.3 to 0.8 s with the shifts
    /// on two threads (NSN vectors, d = 2, 4, 9 and 16; 1.2 to 1.5 s on one core at d = 2 and 4; docs/performance-multidimensional.md).
    /// Beyond 44 the median passes a second in low dimension (d = 2 and 4: 1.4 to 2.3 s at n = 46, 7 to 10 s at n = 48).</item>
    /// <item>A call with a tolerance, or a fixed size: up to <see cref="AutoExactMaxItems"/> (34) for d &lt;= 16. Such calls
    /// come by the thousand (the construction searches every kernel slice, stopping at the first subset within its
    /// tolerance); proving an unreachable tolerance from 35 to 42 vectors made the construction 2 to 20 times slower for
    /// one to five per cent more slices within it, so the k-tree serves them there.</item>
    /// <item>Larger d: n &lt;= 30 when d &lt;= 36, n &lt;= 26 beyond (0.06 s at d = 36, n = 30; 0.06 s at d = 150, n = 26).</item>
    /// </list>
    /// Always within <see cref="ExactMaxBytes"/>.
    /// </summary>
    /// <param name="n">Number of vectors.</param>
    /// <param name="d">Dimension.</param>
    /// <param name="tolerance">The call's <see cref="VectorSubsetSumOptions.Tolerance"/> (0: the optimum is asked for).</param>
    /// <param name="fixedSize">The subset size asked for, or null for any size.</param>
    public static bool UsesExactSearch(int n, int d, double tolerance = 0, int? fixedSize = null)
    {
        bool optimumAskedFor = tolerance == 0 && fixedSize is null;
        int limit = d <= 16 ? (optimumAskedFor ? AutoProvenMaxItems : AutoExactMaxItems) : d <= 36 ? 30 : 26;
        return n <= limit && ExactBytes(n, d) <= ExactMaxBytes;
    }

    /// <summary>
    /// The subset S of <paramref name="vectors"/> (of size <see cref="VectorSubsetSumOptions.FixedSize"/> when set)
    /// minimising ||<paramref name="target"/> - Σ_{i∈S} X_i||, or the first one within
    /// <see cref="VectorSubsetSumOptions.Tolerance"/>. The returned sum is added in index order and the error is
    /// recomputed from it in double precision.
    /// </summary>
    /// <param name="vectors">The vectors X_1..X_n (n &gt;= 0), all of the target's dimension, finite.</param>
    /// <param name="target">The target z (dimension d &gt;= 1, finite).</param>
    /// <param name="options">Norm, tolerance, size, limits and method; null for <see cref="VectorSubsetSumOptions.Default"/>.</param>
    /// <returns>The chosen indices (ascending), their sum, the error, and whether optimality was proven.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectors"/> or <paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">d = 0, a vector is null or has another dimension, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (negative tolerance, k &gt; n, non-positive limits),
    /// or Method = Exact would need more than <see cref="ExactMaxBytes"/>.</exception>
    public static VectorSubsetChoice Solve(IReadOnlyList<double[]> vectors, double[] target, VectorSubsetSumOptions? options = null)
    {
        options ??= VectorSubsetSumOptions.Default;
        int d = ValidateInstance(vectors, target);
        ValidateOptions(options, vectors.Count);
        CheckSumsFinite(vectors, target, options.Norm);
        int n = vectors.Count;
        var method = options.Method switch
        {
            VectorSubsetSumMethod.Exact => CheckExactFits(n, d),
            VectorSubsetSumMethod.KTree => CheckKTreeFits(n, options),
            VectorSubsetSumMethod.Heuristic => VectorSubsetSumMethod.Heuristic,
            _ => MethodFor(n, d, options.FixedSize, options.Tolerance),
        };
        if (method == VectorSubsetSumMethod.KTree) return RunKTree(vectors, target, options);
        bool exact = method == VectorSubsetSumMethod.Exact;
        return Run(vectors, target, options, exact, ExactSplit(n, d));
    }

    /// <summary>The exact search with a given split (halves of A and B vectors, the last Outer vectors taken out), for tests and
    /// benchmarks; A + B + Outer must be n and Outer at most 30.</summary>
    internal static VectorSubsetChoice SolveExact(IReadOnlyList<double[]> vectors, double[] target, VectorSubsetSumOptions options,
        (int A, int B, int Outer) split) =>
        Run(vectors, target, options, true, split);

    private static VectorSubsetChoice Run(IReadOnlyList<double[]> vectors, double[] target, VectorSubsetSumOptions options, bool exact,
        (int A, int B, int Outer) split) =>
        options.Norm == VectorNorm.Max
            ? Run<MaxMetric>(vectors, target, options, exact, split)
            : Run<EuclideanMetric>(vectors, target, options, exact, split);

    /// <summary>Largest dimension for which <see cref="VectorSubsetSumMethod.Auto"/> uses the k-tree search (beyond it the local search does better).</summary>
    public const int KTreeMaxDimension = 12;

    /// <summary>A k-tree result above this multiple of its plan's predicted error is tried again with a fresh shuffle.</summary>
    internal const double KTreeRetryFactor = 2.0;

    /// <summary>Most extra k-tree attempts for a poor result.</summary>
    internal const int KTreeRetries = 2;

    /// <summary>Fewest vectors <see cref="VectorSubsetSumMethod.KTree"/> accepts: two leaves of eight.</summary>
    public const int KTreeMinItems = 16;

    /// <summary>
    /// The method <see cref="VectorSubsetSumMethod.Auto"/> uses for n vectors of dimension d (and a fixed size k, or null):
    /// Exact when <see cref="UsesExactSearch"/> says the proof is cheap, otherwise KTree for d &lt;= <see cref="KTreeMaxDimension"/>
    /// without a fixed size, otherwise Heuristic.
    /// </summary>
    /// <param name="n">Number of vectors.</param>
    /// <param name="d">Dimension.</param>
    /// <param name="fixedSize">The subset size asked for, or null for any size.</param>
    /// <param name="tolerance">The call's tolerance (0: the optimum is asked for, which Auto proves up to <see cref="AutoProvenMaxItems"/> vectors).</param>
    public static VectorSubsetSumMethod MethodFor(int n, int d, int? fixedSize = null, double tolerance = 0) =>
        UsesExactSearch(n, d, tolerance, fixedSize) ? VectorSubsetSumMethod.Exact
        : fixedSize is null && d <= KTreeMaxDimension && n >= KTreeMinItems ? VectorSubsetSumMethod.KTree
        : VectorSubsetSumMethod.Heuristic;

    private static VectorSubsetChoice Run<TMetric>(IReadOnlyList<double[]> vectors, double[] target, VectorSubsetSumOptions options, bool exact,
        (int A, int B, int Outer) split)
        where TMetric : struct, IErrorMetric
    {
        int n = vectors.Count, d = target.Length;
        var method = exact ? VectorSubsetSumMethod.Exact : VectorSubsetSumMethod.Heuristic;
        var budget = new SearchBudget(options.NodeLimit, options.TimeLimit);
        double toleranceRaw = TMetric.ToRaw(options.Tolerance);
        var local = new VectorLocalSearch<TMetric>(vectors, target, options.FixedSize);
        local.Greedy();
        local.Improve();
        int[] indices;
        bool proven;
        if (local.Raw <= toleranceRaw)
        {
            indices = local.Indices();
            proven = false;
        }
        else if (exact)
        {
            bool parallelBuild = options.ParallelBuild && ExactBytes(n, d) + ParallelBuildExtraBytes(n, d) <= ExactMaxBytes;
            (int[]? found, proven) = ShiftedSearch<TMetric>.Run(vectors, target, split.A, split.B, split.Outer, options.FixedSize,
                local.Raw, toleranceRaw, budget, parallelBuild, options.ParallelSearch);
            indices = found ?? local.Indices();
        }
        else
        {
            local.LargeNeighbourhood(Seeds.Rng(options.Seed, n, d), toleranceRaw, budget);
            indices = local.Indices();
            proven = local.Proven;
        }
        var choice = VectorSubsetChoice.Create(vectors, indices, target, options.Norm, proven, method, budget.Nodes);
        return choice.Error == 0 && !choice.ProvenOptimal ? choice with { ProvenOptimal = true } : choice;
    }


    /// <summary>
    /// The k-tree search: its plans (<see cref="KTreePlan.Schedule"/>) in turn, each with a fresh seeded shuffle, until one
    /// reaches the tolerance, the node limit (list entries) or the time limit; the best subset found, never worse than the
    /// empty one. Plans may be given by tuning code.
    /// </summary>
    internal static VectorSubsetChoice RunKTree(IReadOnlyList<double[]> vectors, double[] target, VectorSubsetSumOptions options,
        IReadOnlyList<KTreePlan>? plans = null)
    {
        int n = vectors.Count, d = target.Length;
        bool euclidean = options.Norm == VectorNorm.Euclidean;
        double spread = Spread(vectors, d);
        plans ??= KTreePlan.Schedule(n, d, options.Tolerance, spread, options.NodeLimit);
        var budget = new SearchBudget(null, options.TimeLimit);
        var best = VectorSubsetChoice.Create(vectors, [], target, options.Norm, false, VectorSubsetSumMethod.KTree, 0);
        long entries = 0;
        // A search far worse than its plan predicts met a bad shuffle (lumpy leaves, a target in a tail): the last plan is
        // tried again with fresh shuffles, at most KTreeRetries times, while the node limit allows.
        double poor = KTreeRetryFactor * plans[^1].PredictedError(n, d, spread);
        int retries = 0;
        for (int attempt = 0; best.Error > options.Tolerance; attempt++)
        {
            bool retry = attempt >= plans.Count;
            if (retry && (retries++ == KTreeRetries || best.Error <= poor)) break;
            var plan = plans[Math.Min(attempt, plans.Count - 1)];
            if (attempt > 0 && budget.CheckTime()) break;
            if (retry && options.NodeLimit is long limit && entries + plan.EstimatedEntries(n) > limit) break;
            var search = new KTreeSearch(vectors, target, plan, euclidean);
            int[] indices = search.Run(Seeds.Derive(options.Seed, n, d, attempt), euclidean ? options.Tolerance * options.Tolerance : options.Tolerance);
            entries += search.Entries;
            Array.Sort(indices);
            var choice = VectorSubsetChoice.Create(vectors, indices, target, options.Norm, false, VectorSubsetSumMethod.KTree, 0);
            if (choice.Error < best.Error) best = choice;
        }
        return best with { ProvenOptimal = best.Error == 0, Nodes = entries };
    }

    /// <summary>sqrt(mean_c Σ_i x_ic² / 4): how far a uniformly random subset sum spreads per coordinate.</summary>
    private static double Spread(IReadOnlyList<double[]> vectors, int d)
    {
        double unit = 0;
        foreach (double[] x in vectors) foreach (double v in x) unit = Math.Max(unit, Math.Abs(v));
        if (!(unit > 0)) return 0;
        double total = 0;
        foreach (double[] x in vectors) foreach (double v in x) total += v / unit * (v / unit);
        return unit * Math.Sqrt(total / (4.0 * d));
    }

    /// <summary>Largest n accepted by <see cref="AllSums"/> (2^20 sums).</summary>
    public const int MaxAllSumsItems = 20;

    /// <summary>
    /// All 2^n subset sums of <paramref name="vectors"/>, for pictures and teaching: entry j is Σ_{i: bit i of j set} X_i
    /// (entry 0 is the empty sum, the zero vector), built by doubling.
    /// </summary>
    /// <param name="vectors">The vectors X_1..X_n (1 &lt;= n &lt;= <see cref="MaxAllSumsItems"/>; same dimension; finite).</param>
    /// <exception cref="ArgumentException">No vectors, mixed dimensions or non-finite values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n &gt; <see cref="MaxAllSumsItems"/>.</exception>
    public static double[][] AllSums(IReadOnlyList<double[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
            throw new ArgumentException("vectors must hold at least one vector (the dimension d is read from it); got none.", nameof(vectors));
        if (vectors.Count > MaxAllSumsItems)
            throw new ArgumentOutOfRangeException(nameof(vectors), vectors.Count,
                $"AllSums lists 2^n sums: n must be between 1 and MaxAllSumsItems = {MaxAllSumsItems}; got {vectors.Count}.");
        int d = (vectors[0] ?? throw new ArgumentException("vectors[0] is null.", nameof(vectors))).Length;
        if (d == 0) throw new ArgumentException("vectors must have dimension d >= 1; vectors[0] is empty.", nameof(vectors));
        ValidateVectors(vectors, d, nameof(vectors));
        var sums = new double[1 << vectors.Count][];
        sums[0] = new double[d];
        for (int k = 0; k < vectors.Count; k++)
        {
            int half = 1 << k;
            for (int j = 0; j < half; j++)
            {
                var s = new double[d];
                for (int c = 0; c < d; c++) s[c] = sums[j][c] + vectors[k][c];
                sums[j + half] = s;
            }
        }
        return sums;
    }

    /// <summary>Checks the instance and returns its dimension d.</summary>
    internal static int ValidateInstance(IReadOnlyList<double[]> vectors, double[] target)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(target);
        int d = target.Length;
        if (d == 0)
            throw new ArgumentException("target must have dimension d >= 1; got an empty array.", nameof(target));
        for (int c = 0; c < d; c++)
            if (!double.IsFinite(target[c]))
                throw new ArgumentException($"target must be finite; target[{c}] = {target[c]}.", nameof(target));
        ValidateVectors(vectors, d, nameof(vectors));
        return d;
    }

    /// <summary>
    /// Every subset sum and its error must be representable in double precision: |z_c| + Σ_i |x_ic| finite for every c, and
    /// for the Euclidean norm also Σ_c (|z_c| + Σ_i |x_ic|)², which bounds every squared error the searches compute.
    /// </summary>
    private static void CheckSumsFinite(IReadOnlyList<double[]> vectors, double[] target, VectorNorm norm)
    {
        double squares = 0;
        for (int c = 0; c < target.Length; c++)
        {
            double reach = Math.Abs(target[c]);
            foreach (double[] x in vectors) reach += Math.Abs(x[c]);
            if (!double.IsFinite(reach))
                throw new ArgumentException(
                    $"Subset sums would overflow double precision: in coordinate {c}, |target| + the sum of |x_i| exceeds {double.MaxValue:G3}. " +
                    "Scale the vectors and the target down (the best subset does not change).", nameof(vectors));
            squares += reach * reach;
        }
        if (norm == VectorNorm.Euclidean && !double.IsFinite(squares))
            throw new ArgumentException(
                $"Euclidean errors would overflow double precision: the sum over coordinates of (|target| + Σ|x_i|)² exceeds {double.MaxValue:G3}. " +
                "Scale the vectors and the target down, or use the max-norm.", nameof(vectors));
    }

    /// <summary>Checks that every vector is non-null, has dimension <paramref name="d"/> and finite coordinates.</summary>
    internal static void ValidateVectors(IReadOnlyList<double[]> vectors, int d, string paramName)
    {
        for (int i = 0; i < vectors.Count; i++)
        {
            double[] x = vectors[i] ?? throw new ArgumentException($"{paramName}[{i}] is null.", paramName);
            if (x.Length != d)
                throw new ArgumentException(
                    $"{paramName} must all have the same dimension d = {d}; {paramName}[{i}] has {x.Length} coordinates.", paramName);
            for (int c = 0; c < d; c++)
                if (!double.IsFinite(x[c]))
                    throw new ArgumentException($"{paramName} must be finite; {paramName}[{i}][{c}] = {x[c]}.", paramName);
        }
    }

    private static void ValidateOptions(VectorSubsetSumOptions o, int n)
    {
        const string name = "options";
        if (!Enum.IsDefined(o.Norm))
            throw new ArgumentOutOfRangeException(name, o.Norm, $"options.Norm must be Max or Euclidean; got {o.Norm}.");
        if (!Enum.IsDefined(o.Method))
            throw new ArgumentOutOfRangeException(name, o.Method, $"options.Method must be Auto, Exact, Heuristic or KTree; got {o.Method}.");
        if (!(o.Tolerance >= 0) || double.IsPositiveInfinity(o.Tolerance))
            throw new ArgumentOutOfRangeException(name, o.Tolerance, $"options.Tolerance must be a finite number >= 0; got {o.Tolerance}.");
        if (o.FixedSize is int k && (k < 0 || k > n))
            throw new ArgumentOutOfRangeException(name, k, $"options.FixedSize (k) must be between 0 and n = {n} (the number of vectors); got {k}.");
        if (o.TimeLimit is TimeSpan t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, t, $"options.TimeLimit must be positive when set; got {t}.");
        if (o.NodeLimit is long l && l <= 0)
            throw new ArgumentOutOfRangeException(name, l, $"options.NodeLimit must be positive when set; got {l}.");
    }

    private static VectorSubsetSumMethod CheckKTreeFits(int n, VectorSubsetSumOptions options)
    {
        if (n < KTreeMinItems)
            throw new ArgumentOutOfRangeException("vectors", n,
                $"Method = KTree needs at least KTreeMinItems = {KTreeMinItems} vectors (a tree of two leaves of eight); got n = {n}. " +
                "Use Method = Exact or Auto for so few vectors.");
        if (options.FixedSize is int k)
            throw new ArgumentException(
                $"Method = KTree searches subsets of any size; options.FixedSize = {k} asks for one size. Use Method = Exact, Heuristic or Auto.",
                nameof(options));
        return VectorSubsetSumMethod.KTree;
    }

    private static VectorSubsetSumMethod CheckExactFits(int n, int d)
    {
        if (n > ExactMaxItems)
            throw new ArgumentOutOfRangeException("vectors", n,
                $"Method = Exact takes at most VectorSubsetSum.ExactMaxItems = {ExactMaxItems} vectors (its proof time grows two- to " +
                $"four-fold per two more vectors); got n = {n}. Use Method = Auto, KTree or Heuristic for more vectors.");
        double bytes = ExactBytes(n, d);
        if (bytes > ExactMaxBytes)
            throw new ArgumentOutOfRangeException("options", VectorSubsetSumMethod.Exact,
                $"Method = Exact on n = {n} vectors of dimension d = {d} would need about {bytes:N0} bytes for its half-sum trees, " +
                $"above VectorSubsetSum.ExactMaxBytes = {ExactMaxBytes:N0}. Use Method = Auto or Heuristic, or fewer vectors " +
                $"(n <= {MaxExactItems(d)} at this dimension).");
        return VectorSubsetSumMethod.Exact;
    }

    private static int MaxExactItems(int d)
    {
        int n = 0;
        while (n < ExactMaxItems && ExactBytes(n + 1, d) <= ExactMaxBytes) n++;
        return n;
    }
}
