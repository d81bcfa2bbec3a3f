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
/// <item><b>Heuristic</b>: greedy, then local search (add, drop, swap), then large-neighbourhood rounds that
/// re-solve windows of 20 vectors exactly (see <see cref="VectorSubsetSumMethod.Heuristic"/>). Milliseconds
/// for n in the hundreds; its answer is not certified.</item>
/// <item><b>Auto</b> (default) uses Exact when <see cref="UsesExactSearch"/> says so: n &lt;= <see cref="AutoExactMaxItems"/>
/// for d &lt;= 16, fewer vectors for larger d (where k-d trees prune less), and Heuristic otherwise.</item>
/// </list>
/// With <see cref="VectorSubsetSumOptions.Tolerance"/> &gt; 0 every method stops at the first subset within the
/// tolerance, which is usually found by the greedy and local-search start in microseconds.
/// </summary>
public static class VectorSubsetSum
{
    /// <summary>Largest n for which <see cref="VectorSubsetSumMethod.Auto"/> uses the exact search in dimension d &lt;= 16.</summary>
    public const int AutoExactMaxItems = 34;

    /// <summary>Memory limit of the exact search's half-sum trees: 1 GiB (see <see cref="ExactBytes"/>).</summary>
    public const long ExactMaxBytes = 1L << 30;

    /// <summary>
    /// Approximate peak bytes of the exact search on <paramref name="n"/> vectors of dimension <paramref name="d"/>:
    /// (2^floor(n/2) + 2^ceil(n/2)) half sums of 8·d + 8 bytes, stored twice while the trees are built, plus the
    /// trees' bounding boxes (factor 2.5 in all). About 13 MB at n = 32, d = 9.
    /// </summary>
    /// <param name="n">Number of vectors.</param>
    /// <param name="d">Dimension.</param>
    public static double ExactBytes(int n, int d) => VectorMeetInTheMiddle.Bytes(n / 2, n - n / 2, d);

    /// <summary>
    /// Whether <see cref="VectorSubsetSumMethod.Auto"/> picks the exact search for n vectors of dimension d:
    /// n &lt;= <see cref="AutoExactMaxItems"/> (34) when d &lt;= 16, n &lt;= 28 when d &lt;= 36, n &lt;= 22 beyond,
    /// and always within <see cref="ExactMaxBytes"/>. These limits keep a proof of optimality to well under a
    /// second on one core for random Gaussian or NSN vectors (measured in docs/performance-multidimensional.md).
    /// </summary>
    /// <param name="n">Number of vectors.</param>
    /// <param name="d">Dimension.</param>
    public static bool UsesExactSearch(int n, int d)
    {
        int limit = d <= 16 ? AutoExactMaxItems : d <= 36 ? 28 : 22;
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
        int n = vectors.Count;
        bool exact = options.Method switch
        {
            VectorSubsetSumMethod.Exact => CheckExactFits(n, d),
            VectorSubsetSumMethod.Heuristic => false,
            _ => UsesExactSearch(n, d),
        };
        return options.Norm == VectorNorm.Max
            ? Run<MaxMetric>(vectors, target, options, exact)
            : Run<EuclideanMetric>(vectors, target, options, exact);
    }

    private static VectorSubsetChoice Run<TMetric>(IReadOnlyList<double[]> vectors, double[] target, VectorSubsetSumOptions options, bool exact)
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
            var items = new int[n];
            for (int i = 0; i < n; i++) items[i] = i;
            using var index = new VectorMeetInTheMiddle(vectors, items, d, n / 2, bySize: options.FixedSize is not null);
            var search = new DualTreeSearch<TMetric>(target, local.Raw, toleranceRaw, budget);
            index.Search(search, options.FixedSize);
            indices = search.Found ? index.Indices(search.BestMaskA, search.BestMaskB) : local.Indices();
            proven = !search.Stopped;
        }
        else
        {
            local.LargeNeighbourhood(Workbook.Seeds.Rng(options.Seed, n, d), toleranceRaw, budget);
            indices = local.Indices();
            proven = local.Proven;
        }
        var choice = VectorSubsetChoice.Create(vectors, indices, target, options.Norm, proven, method, budget.Nodes);
        return choice.Error == 0 && !choice.ProvenOptimal ? choice with { ProvenOptimal = true } : choice;
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
            throw new ArgumentOutOfRangeException(name, o.Method, $"options.Method must be Auto, Exact or Heuristic; got {o.Method}.");
        if (!(o.Tolerance >= 0) || double.IsPositiveInfinity(o.Tolerance))
            throw new ArgumentOutOfRangeException(name, o.Tolerance, $"options.Tolerance must be a finite number >= 0; got {o.Tolerance}.");
        if (o.FixedSize is int k && (k < 0 || k > n))
            throw new ArgumentOutOfRangeException(name, k, $"options.FixedSize (k) must be between 0 and n = {n} (the number of vectors); got {k}.");
        if (o.TimeLimit is TimeSpan t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, t, $"options.TimeLimit must be positive when set; got {t}.");
        if (o.NodeLimit is long l && l <= 0)
            throw new ArgumentOutOfRangeException(name, l, $"options.NodeLimit must be positive when set; got {l}.");
    }

    private static bool CheckExactFits(int n, int d)
    {
        double bytes = ExactBytes(n, d);
        if (bytes > ExactMaxBytes)
            throw new ArgumentOutOfRangeException("options", VectorSubsetSumMethod.Exact,
                $"Method = Exact on n = {n} vectors of dimension d = {d} would need about {bytes:N0} bytes for its half-sum trees, " +
                $"above VectorSubsetSum.ExactMaxBytes = {ExactMaxBytes:N0}. Use Method = Auto or Heuristic, or fewer vectors " +
                $"(n <= {MaxExactItems(d)} at this dimension).");
        return true;
    }

    private static int MaxExactItems(int d)
    {
        int n = 0;
        while (n < 62 && ExactBytes(n + 1, d) <= ExactMaxBytes) n++;
        return n;
    }
}
