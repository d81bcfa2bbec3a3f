using System.Globalization;
using LotteryTickets.Statistics;
using LotteryTickets.Workbook;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// Seeded trials of multidimensional random subset sum: for each trial, the smallest n for which the first n
/// vectors X_1..X_n succeed, where success is "every target in [-1,1]^d is within eps" (<see cref="TargetMode.AllTargets"/>,
/// the event of the theorems) or "one uniform random target is within eps" (<see cref="TargetMode.RandomTarget"/>).
/// From these minimal sizes follow the success probability at every n with a confidence interval, and the
/// empirical threshold n*(d, eps).
/// <para>
/// Trial t draws X_1..X_maxN with <c>Seeds.Rng(seed, sampler.SeedConfiguration, t)</c> (and its random target from
/// <c>Seeds.Rng(seed, sampler.SeedConfiguration, t, 1)</c>). Adding vectors only adds subset sums, so within a
/// trial success is monotone in n. For all targets the minimal n is found by scanning n upwards from 0 (below the counting
/// bound d·log2(1/eps), which the measurement can therefore be compared with), carrying the grid cells not yet certified from one n to the next (cells certified for n stay
/// certified); for one random target by bisection over 0..maxN (about log2(maxN) exact searches). In dimension
/// 1 with Gaussian (NSN) vectors the values are exactly those of <see cref="SubsetSumExperiment"/> with
/// <see cref="ValueDistribution.Normal"/> (<see cref="ValueDistribution.NormalProduct"/>) and the same seed, so the
/// success probabilities agree with the one-dimensional ones. Trials run in parallel into their own slots: the
/// numbers do not depend on the core count.
/// </para>
/// </summary>
public sealed record VectorSubsetSumExperiment
{
    /// <summary>Largest maxN accepted in <see cref="TargetMode.RandomTarget"/> mode (beyond the exact range the solver's heuristic is used).</summary>
    public const int MaxRandomTargetN = 1000;

    private readonly int?[] _minimal;

    private VectorSubsetSumExperiment(string distribution, int dimension, double epsilon, TargetMode mode, VectorNorm norm,
        int maxN, int seed, int?[] minimal, int uncertain)
    {
        Distribution = distribution;
        Dimension = dimension;
        Epsilon = epsilon;
        Mode = mode;
        Norm = norm;
        MaxN = maxN;
        Seed = seed;
        _minimal = minimal;
        UncertainTrials = uncertain;
    }

    /// <summary>The sampler's name.</summary>
    public string Distribution { get; }

    /// <summary>The dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The tolerance eps.</summary>
    public double Epsilon { get; }

    /// <summary>What counts as a success.</summary>
    public TargetMode Mode { get; }

    /// <summary>The norm of the error.</summary>
    public VectorNorm Norm { get; }

    /// <summary>The largest n tried.</summary>
    public int MaxN { get; }

    /// <summary>Number of trials.</summary>
    public int Trials => _minimal.Length;

    /// <summary>The base seed.</summary>
    public int Seed { get; }

    /// <summary>The smallest successful n of each trial (null when even n = MaxN failed), in trial order.</summary>
    public IReadOnlyList<int?> MinimalSizes => _minimal;

    /// <summary>
    /// Trials in which some check could not be proven either way (a grid check that reached its point limit, or a
    /// heuristic search that found nothing within eps but could not prove that nothing exists); they are counted
    /// as failures at that n. Zero in the defaults of the notebooks.
    /// </summary>
    public int UncertainTrials { get; }

    /// <summary>Runs the experiment.</summary>
    /// <param name="sampler">The distribution of the vectors (its dimension is d).</param>
    /// <param name="epsilon">The tolerance eps &gt; 0.</param>
    /// <param name="maxN">Largest n tried, at least 1 (AllTargets: the subset-sum index of maxN vectors must fit;
    /// RandomTarget: at most <see cref="MaxRandomTargetN"/>).</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="seed">Base seed; the same seed gives the same numbers on every machine and core count.</param>
    /// <param name="mode">All targets (default) or one random target per trial.</param>
    /// <param name="norm">The norm of the error (default max-norm).</param>
    /// <param name="pointLimit">Grid point limit of each all-targets check (see <see cref="GridCoverage"/>).</param>
    /// <param name="maxDegreeOfParallelism">Worker count, -1 for all cores.</param>
    /// <param name="progress">Receives the number of finished trials.</param>
    /// <param name="cancellationToken">Stops the run (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, eps or the grid size is out of range.</exception>
    public static VectorSubsetSumExperiment Run(VectorSampler sampler, double epsilon, int maxN, int trials, int seed,
        TargetMode mode = TargetMode.AllTargets, VectorNorm norm = VectorNorm.Max, long pointLimit = GridCoverage.DefaultPointLimit,
        int maxDegreeOfParallelism = -1, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ValidateCommon(sampler, epsilon, maxN, trials, mode, norm, pointLimit, maxDegreeOfParallelism);
        int d = sampler.Dimension;
        var minimal = new int?[trials];
        var uncertain = new bool[trials];
        int finished = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, trials, options, t =>
        {
            double[][] vectors = sampler.Sample(maxN, Seeds.Rng(seed, sampler.SeedConfiguration, t));
            double[] target = RandomTarget(d, Seeds.Rng(seed, sampler.SeedConfiguration, t, 1));
            bool doubt = false;
            if (mode == TargetMode.AllTargets)
            {
                // Scan n upwards from 0, below the counting bound, so that the measured n* can be compared with that bound
                // (below it the grid finds an uncovered cell at once); open grid cells carry over from n to n + 1.
                (minimal[t], doubt) = GridCoverage.SmallestCoveringPrefix(vectors, epsilon, 0, norm, pointLimit);
            }
            else
            {
                minimal[t] = MinimalN(maxN, n =>
                {
                    var choice = VectorSubsetSum.Solve(new ArraySegment<double[]>(vectors, 0, n), target,
                        new VectorSubsetSumOptions { Norm = norm, Tolerance = epsilon });
                    if (choice.Error > epsilon && !choice.ProvenOptimal) doubt = true;
                    return choice.Error <= epsilon;
                });
            }
            uncertain[t] = doubt;
            progress?.Report(Interlocked.Increment(ref finished));
        });
        return new VectorSubsetSumExperiment(sampler.Name, d, epsilon, mode, norm, maxN, seed, minimal, uncertain.Count(u => u));
    }

    /// <summary>P(success with n vectors) over the trials, with a confidence interval.</summary>
    /// <param name="n">Sample size, 0..MaxN.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public ProportionEstimate SuccessProbability(int n, ConfidenceMethod method = ConfidenceMethod.Wilson, double confidence = 0.95)
    {
        if (n < 0 || n > MaxN)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be between 0 and MaxN = {MaxN}; got {n}.");
        return BinomialConfidence.Estimate(_minimal.Count(m => m <= n), Trials, method, confidence);
    }

    /// <summary>The success probability for every n = 1..MaxN: the data of a success-versus-n curve or a heatmap row.</summary>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public IReadOnlyList<SuccessPoint> SuccessCurve(ConfidenceMethod method = ConfidenceMethod.Wilson, double confidence = 0.95) =>
        [.. Enumerable.Range(1, MaxN).Select(n => new SuccessPoint(n, Epsilon, SuccessProbability(n, method, confidence)))];

    /// <summary>The empirical threshold n*(d, eps): the smallest n whose estimated success probability is at least 1 - <paramref name="delta"/>.</summary>
    /// <param name="delta">Allowed failure probability, in (0, 1); 0.5 gives the median of the minimal sizes.</param>
    /// <param name="method">Confidence interval reported at the threshold.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public DimensionThreshold Threshold(double delta = 0.1, ConfidenceMethod method = ConfidenceMethod.Wilson, double confidence = 0.95)
    {
        if (!(delta > 0 && delta < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, $"delta must be strictly between 0 and 1; got {delta}.");
        double counting = Epsilon < 1 ? ScalingBounds.CountingLowerBound(Dimension, Epsilon) : 0;
        double shape = Epsilon < 1 ? ScalingBounds.UpperBoundShape(Dimension, Epsilon) : 0;
        for (int n = 0; n <= MaxN; n++)
        {
            int successes = _minimal.Count(m => m <= n);
            if (successes >= (1.0 - delta) * Trials - 1e-9)
                return new DimensionThreshold(Distribution, Dimension, Epsilon, Mode, delta, n,
                    BinomialConfidence.Estimate(successes, Trials, method, confidence), counting, shape);
        }
        return new DimensionThreshold(Distribution, Dimension, Epsilon, Mode, delta, null, null, counting, shape);
    }

    /// <summary>Reads like "NSN (d = 2): all targets within eps = 0.1 (Max-norm), n = 1..20, 100 trials, seed 2023".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Distribution}: {(Mode == TargetMode.AllTargets ? "all targets" : "one random target")} within eps = {Epsilon:G4} ({Norm}-norm), n = 1..{MaxN}, {Trials} trials, seed {Seed}" +
        $"{(UncertainTrials > 0 ? $", {UncertainTrials} uncertain" : "")}");

    /// <summary>A target drawn uniformly from [-1,1]^d.</summary>
    internal static double[] RandomTarget(int d, Random rng)
    {
        var z = new double[d];
        for (int c = 0; c < d; c++) z[c] = 2.0 * rng.NextDouble() - 1.0;
        return z;
    }

    /// <summary>The smallest n in 0..maxN with succeeds(n), by bisection (succeeds must be monotone); null if succeeds(maxN) is false.</summary>
    internal static int? MinimalN(int maxN, Func<int, bool> succeeds)
    {
        if (!succeeds(maxN)) return null;
        int fail = -1, ok = maxN; // succeeds(ok) holds; every n <= fail is known to fail
        while (ok - fail > 1)
        {
            int mid = (fail + ok) / 2;
            if (succeeds(mid)) ok = mid; else fail = mid;
        }
        return ok;
    }

    internal static void ValidateCommon(VectorSampler sampler, double epsilon, int maxN, int trials, TargetMode mode, VectorNorm norm,
        long pointLimit, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be a finite number > 0; got {epsilon}.");
        if (trials < 1)
            throw new ArgumentOutOfRangeException(nameof(trials), trials, $"trials must be at least 1; got {trials}.");
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be AllTargets or RandomTarget; got {mode}.");
        if (!Enum.IsDefined(norm))
            throw new ArgumentOutOfRangeException(nameof(norm), norm, $"norm must be Max or Euclidean; got {norm}.");
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                $"maxDegreeOfParallelism must be -1 (all cores) or at least 1; got {maxDegreeOfParallelism}.");
        int d = sampler.Dimension;
        if (mode == TargetMode.RandomTarget)
        {
            if (maxN < 1 || maxN > MaxRandomTargetN)
                throw new ArgumentOutOfRangeException(nameof(maxN), maxN, $"maxN must be between 1 and {MaxRandomTargetN}; got {maxN}.");
            return;
        }
        // All targets: validate the grid and the index once here, rather than inside every parallel trial.
        int largest = 0;
        while (largest < 62 && VectorMeetInTheMiddle.Bytes((largest + 1) / 2, largest + 1 - (largest + 1) / 2, d) <= VectorSubsetSum.ExactMaxBytes) largest++;
        if (maxN < 1 || maxN > largest)
            throw new ArgumentOutOfRangeException(nameof(maxN), maxN,
                $"maxN must be between 1 and {largest} for the all-targets check in dimension {d} (its subset-sum index must fit in VectorSubsetSum.ExactMaxBytes = {VectorSubsetSum.ExactMaxBytes:N0} bytes); got {maxN}.");
        if (pointLimit < 1)
            throw new ArgumentOutOfRangeException(nameof(pointLimit), pointLimit, $"pointLimit must be at least 1; got {pointLimit}.");
        double spacing = GridCoverage.CheckSpacing(epsilon, d, norm);
        int perAxis = Math.Max(1, (int)Math.Ceiling(2.0 / spacing - 1e-9));
        double points = Math.Pow(perAxis, d);
        if (points > pointLimit)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon,
                $"The all-targets check at eps = {epsilon:G3} in dimension {d} starts from a grid of {perAxis}^{d} = {points:G4} points, above pointLimit = {pointLimit:N0} " +
                $"(GridCoverage.DefaultPointLimit = {GridCoverage.DefaultPointLimit:N0}). Use a larger eps, a smaller dimension, mode RandomTarget, or a larger pointLimit.");
    }
}
