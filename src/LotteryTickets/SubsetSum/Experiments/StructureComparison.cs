using System.Globalization;
using LotteryTickets.Statistics;
using LotteryTickets.Workbook;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// Why structure costs samples, measured: the same random vectors X_1..X_n in R^d approximate a target z either
/// with ONE subset S for the whole vector (structured: ||z - Σ_S X_i||_∞ &lt;= eps, as when whole kernels are kept
/// or removed) or with a separate subset S_c for each coordinate c (unstructured: |z_c - Σ_{S_c} X_ic| &lt;= eps for
/// every c, d independent one-dimensional problems, as when single weights are pruned). Unstructured needs only
/// about log2(1/eps) + log2(d) vectors (the worst of d one-dimensional thresholds); structured needs at least
/// d·log2(1/eps) (<see cref="ScalingBounds.CountingLowerBound"/>). In exchange, structured keeps whole kernels
/// that can be deleted or kept as dense blocks, while unstructured keeps scattered weights spread over nearly every
/// hidden channel.
/// <para>
/// Per trial t, vectors and target are drawn exactly as in <see cref="VectorSubsetSumExperiment"/> (same seeds), the
/// minimal n of each approach is found by bisection, and the kept counts are those of the best (minimum-error)
/// subsets for the trial's random target at that n. The one-dimensional problems use the one-dimensional code:
/// <see cref="CoverageRadius.Of"/> for all targets and <see cref="MeetInTheMiddle.BestSubset"/> for one target.
/// Max-norm throughout (the unstructured criterion is a max over coordinates).
/// </para>
/// </summary>
public sealed record StructureComparison
{
    private StructureComparison(string distribution, int dimension, double epsilon, TargetMode mode, int maxN, int seed, StructureTrial[] rows)
    {
        Distribution = distribution;
        Dimension = dimension;
        Epsilon = epsilon;
        Mode = mode;
        MaxN = maxN;
        Seed = seed;
        Rows = rows;
    }

    /// <summary>The sampler's name.</summary>
    public string Distribution { get; }

    /// <summary>The dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The tolerance eps.</summary>
    public double Epsilon { get; }

    /// <summary>What counts as a success when finding the minimal n.</summary>
    public TargetMode Mode { get; }

    /// <summary>The largest n tried.</summary>
    public int MaxN { get; }

    /// <summary>The base seed.</summary>
    public int Seed { get; }

    /// <summary>One row per trial, in trial order.</summary>
    public IReadOnlyList<StructureTrial> Rows { get; }

    /// <summary>Runs the comparison.</summary>
    /// <param name="sampler">The distribution of the vectors (its dimension is d).</param>
    /// <param name="epsilon">The tolerance eps, 0 &lt; eps.</param>
    /// <param name="maxN">Largest n tried (limits as in <see cref="VectorSubsetSumExperiment.Run"/>; the one-dimensional
    /// all-targets check also needs maxN &lt;= <see cref="EnumerationLimits.MaxSortedSumsN"/>).</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="seed">Base seed.</param>
    /// <param name="mode">Random target (default) or all targets.</param>
    /// <param name="pointLimit">Grid point limit of each all-targets check.</param>
    /// <param name="maxDegreeOfParallelism">Worker count, -1 for all cores.</param>
    /// <param name="progress">Receives the number of finished trials.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static StructureComparison Run(VectorSampler sampler, double epsilon, int maxN, int trials, int seed,
        TargetMode mode = TargetMode.RandomTarget, long pointLimit = GridCoverage.DefaultPointLimit,
        int maxDegreeOfParallelism = -1, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        VectorSubsetSumExperiment.ValidateCommon(sampler, epsilon, maxN, trials, mode, VectorNorm.Max, pointLimit, maxDegreeOfParallelism);
        if (mode == TargetMode.AllTargets && maxN > EnumerationLimits.MaxSortedSumsN)
            throw new ArgumentOutOfRangeException(nameof(maxN), maxN,
                $"maxN must be at most EnumerationLimits.MaxSortedSumsN = {EnumerationLimits.MaxSortedSumsN} for the one-dimensional all-targets check; got {maxN}.");
        int d = sampler.Dimension;
        var rows = new StructureTrial[trials];
        int finished = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, trials, options, t =>
        {
            double[][] vectors = sampler.Sample(maxN, Seeds.Rng(seed, sampler.SeedConfiguration, t));
            double[] target = VectorSubsetSumExperiment.RandomTarget(d, Seeds.Rng(seed, sampler.SeedConfiguration, t, 1));
            var coordinates = new double[d][];
            for (int c = 0; c < d; c++) coordinates[c] = vectors.Select(x => x[c]).ToArray();

            int? structured = mode == TargetMode.AllTargets
                ? GridCoverage.SmallestCoveringPrefix(vectors, epsilon,
                    epsilon < 1 ? (int)Math.Ceiling(ScalingBounds.CountingLowerBound(d, epsilon) - 1e-9) : 0, VectorNorm.Max, pointLimit).N
                : VectorSubsetSumExperiment.MinimalN(maxN, n => VectorSubsetSum.Solve(new ArraySegment<double[]>(vectors, 0, n), target,
                    new VectorSubsetSumOptions { Tolerance = epsilon }).Error <= epsilon);
            int? unstructured = 0;
            for (int c = 0; c < d && unstructured is not null; c++)
            {
                double[] values = coordinates[c];
                double z = target[c];
                int? nc = VectorSubsetSumExperiment.MinimalN(maxN, n =>
                {
                    if (n == 0) return mode == TargetMode.AllTargets ? epsilon >= 1 : Math.Abs(z) <= epsilon;
                    return mode == TargetMode.AllTargets
                        ? CoverageRadius.Of(values.AsSpan(0, n)) <= epsilon
                        : MeetInTheMiddle.BestSubset(values.AsSpan(0, n), z).Error <= epsilon;
                });
                unstructured = nc is int m ? Math.Max(unstructured.Value, m) : null;
            }

            int? kernels = null, structuredWeights = null, unstructuredWeights = null, touched = null;
            if (structured is int ns)
            {
                kernels = VectorSubsetSum.Solve(new ArraySegment<double[]>(vectors, 0, ns), target).Size;
                structuredWeights = kernels * d;
            }
            if (unstructured is int nu)
            {
                var channels = new HashSet<int>();
                int weights = 0;
                for (int c = 0; c < d && nu > 0; c++)
                {
                    int[] chosen = MeetInTheMiddle.BestSubset(coordinates[c].AsSpan(0, nu), target[c]).Indices;
                    weights += chosen.Length;
                    channels.UnionWith(chosen);
                }
                unstructuredWeights = weights;
                touched = channels.Count;
            }
            rows[t] = new StructureTrial(t, structured, unstructured, kernels, structuredWeights, unstructuredWeights, touched);
            progress?.Report(Interlocked.Increment(ref finished));
        });
        return new StructureComparison(sampler.Name, d, epsilon, mode, maxN, seed, rows);
    }

    /// <summary>P(structured succeeds with n vectors) over the trials.</summary>
    /// <param name="n">Sample size, 0..MaxN.</param>
    public ProportionEstimate StructuredSuccess(int n) => Success(n, r => r.StructuredN);

    /// <summary>P(unstructured succeeds with n vectors) over the trials.</summary>
    /// <param name="n">Sample size, 0..MaxN.</param>
    public ProportionEstimate UnstructuredSuccess(int n) => Success(n, r => r.UnstructuredN);

    /// <summary>Median over the trials of the structured minimal n (censored trials count as above MaxN; null if more than half are).</summary>
    public double? MedianStructuredN => Median(Rows.Select(r => r.StructuredN));

    /// <summary>Median over the trials of the unstructured minimal n (null if more than half are censored).</summary>
    public double? MedianUnstructuredN => Median(Rows.Select(r => r.UnstructuredN));

    /// <summary>Mean weights kept by the structured solutions (over trials that succeeded).</summary>
    public double? MeanStructuredWeightsKept => Mean(Rows.Select(r => r.StructuredWeightsKept));

    /// <summary>Mean weights kept by the unstructured solutions (over trials that succeeded).</summary>
    public double? MeanUnstructuredWeightsKept => Mean(Rows.Select(r => r.UnstructuredWeightsKept));

    /// <summary>Reads like "NSN (d = 9), eps = 0.25: median n structured 24, unstructured 6 (100 trials)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Distribution}, eps = {Epsilon:G3} ({(Mode == TargetMode.AllTargets ? "all targets" : "random target")}): median n structured {MedianStructuredN?.ToString("0.#", CultureInfo.InvariantCulture) ?? $"> {MaxN}"}, " +
        $"unstructured {MedianUnstructuredN?.ToString("0.#", CultureInfo.InvariantCulture) ?? $"> {MaxN}"} ({Rows.Count} trials, seed {Seed})");

    private ProportionEstimate Success(int n, Func<StructureTrial, int?> minimal)
    {
        if (n < 0 || n > MaxN)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be between 0 and MaxN = {MaxN}; got {n}.");
        return BinomialConfidence.Wilson(Rows.Count(r => minimal(r) <= n), Rows.Count);
    }

    // Median with censored values (null) ranked above everything: defined while fewer than half are censored.
    private static double? Median(IEnumerable<int?> values)
    {
        var sorted = values.Select(v => v ?? int.MaxValue).OrderBy(v => v).ToArray();
        int m = sorted.Length;
        double a = sorted[(m - 1) / 2], b = sorted[m / 2];
        return a == int.MaxValue || b == int.MaxValue ? null : (a + b) / 2;
    }

    private static double? Mean(IEnumerable<int?> values)
    {
        var present = values.Where(v => v is not null).Select(v => (double)v!.Value).ToArray();
        return present.Length == 0 ? null : present.Average();
    }
}
