using System.Globalization;
using LotteryTickets.Statistics;
using LotteryTickets.Workbook;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The coverage radius eps*(X_1..X_n) over many seeded random samples, for every n from 1 to
/// <see cref="MaxN"/>, and what follows from it: the success probability P(eps* ≤ eps) with a confidence
/// interval, the empirical threshold n*(eps) and its fit against log2(1/eps) (Lueker's theorem,
/// theory.md section 1).
/// <para>
/// Trial t draws X_1..X_MaxN i.i.d. from the distribution with <c>Seeds.Rng(seed, (int)distribution, t)</c>
/// and records eps* of every prefix X_1..X_n; one merge-doubling pass yields all prefixes, so a run costs
/// about as much as one eps* at n = MaxN per trial. Within a trial, eps* never increases with n (adding a
/// value only adds sums), so each trial succeeds from some n on. Across n the estimates come from the same
/// trials and are therefore correlated; at each n they are unbiased with the stated per-n confidence interval.
/// Trials run in parallel and write into their own slots, so the numbers do not depend on the core count.
/// </para>
/// </summary>
public sealed record SubsetSumExperiment
{
    private readonly double[] _radii; // trial-major: _radii[t * MaxN + (n - 1)]

    private SubsetSumExperiment(ValueDistribution distribution, int maxN, int trials, int seed, double lower, double upper, double[] radii)
    {
        Distribution = distribution;
        MaxN = maxN;
        Trials = trials;
        Seed = seed;
        Lower = lower;
        Upper = upper;
        _radii = radii;
    }

    /// <summary>The distribution the values were drawn from.</summary>
    public ValueDistribution Distribution { get; }

    /// <summary>The largest sample size; radii exist for every n in 1..MaxN.</summary>
    public int MaxN { get; }

    /// <summary>Number of independent trials (samples).</summary>
    public int Trials { get; }

    /// <summary>The base seed.</summary>
    public int Seed { get; }

    /// <summary>The target interval's lower end a.</summary>
    public double Lower { get; }

    /// <summary>The target interval's upper end b.</summary>
    public double Upper { get; }

    /// <summary>
    /// Runs <paramref name="trials"/> seeded trials of eps*(X_1..X_n) for n = 1..<paramref name="maxN"/>.
    /// Memory: each worker holds 8·2^maxN bytes; time: about 2^maxN merge steps per trial (maxN = 20 with
    /// 200 trials takes a few seconds on one core).
    /// </summary>
    /// <param name="distribution">Distribution of the values.</param>
    /// <param name="maxN">Largest sample size, at least 1; workers × 8·2^maxN bytes must fit in <paramref name="maxBytes"/>.</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="seed">Base seed; the same seed gives the same numbers on every machine and core count.</param>
    /// <param name="lower">Lower end a of the target interval (finite, a &lt; b).</param>
    /// <param name="upper">Upper end b of the target interval (finite).</param>
    /// <param name="maxDegreeOfParallelism">Worker count, -1 for all cores.</param>
    /// <param name="progress">Receives the number of finished trials.</param>
    /// <param name="maxBytes">Memory limit for all workers' sum lists together.</param>
    /// <param name="cancellationToken">Stops the run (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">maxN, trials, maxDegreeOfParallelism or the memory need is out of range.</exception>
    /// <exception cref="ArgumentException">The interval is empty, reversed or not finite.</exception>
    public static SubsetSumExperiment Run(ValueDistribution distribution, int maxN, int trials, int seed,
        double lower = CoverageRadius.DefaultLower, double upper = CoverageRadius.DefaultUpper,
        int maxDegreeOfParallelism = -1, IProgress<int>? progress = null,
        long maxBytes = EnumerationLimits.DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(distribution))
            throw new ArgumentOutOfRangeException(nameof(distribution), distribution,
                $"distribution must be one of {string.Join(", ", Enum.GetNames<ValueDistribution>())}; got {distribution}.");
        if (trials <= 0)
            throw new ArgumentOutOfRangeException(nameof(trials), trials, $"trials must be at least 1; got {trials}.");
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                $"maxDegreeOfParallelism must be -1 (all cores) or at least 1; got {maxDegreeOfParallelism}.");
        if (maxBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, $"maxBytes must be positive; got {maxBytes}.");
        CoverageRadius.CheckInterval(lower, upper);
        if (maxN < 1)
            throw new ArgumentOutOfRangeException(nameof(maxN), maxN, $"maxN must be at least 1 (the largest sample size); got {maxN}.");
        int workers = Math.Min(trials, maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism);
        if (maxN > 30 || workers * EnumerationLimits.SortedSumsBytes(maxN) > maxBytes)
        {
            int largest = 0;
            while (largest < 30 && workers * EnumerationLimits.SortedSumsBytes(largest + 1) <= maxBytes) largest++;
            // In doubles: 8·2^maxN overflows a long from maxN = 60 on.
            string needed = Workbook.MemoryGuard.Describe(workers * sizeof(double) * Math.ScaleB(1.0, maxN));
            throw new ArgumentOutOfRangeException(nameof(maxN), maxN,
                $"maxN must be between 1 and {largest}: {workers} worker(s) each holding the 2^maxN sorted sums would need {needed}, " +
                $"the limit is {maxBytes:N0} bytes (EnumerationLimits.DefaultMaxBytes = {EnumerationLimits.DefaultMaxBytes:N0}; pass maxBytes to change it); got {maxN}.");
        }
        // One radius per (trial, n): the results array must fit in an array and in memory.
        long radiiCount = (long)trials * maxN;
        if (radiiCount > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(trials), trials,
                $"trials × maxN radii must fit in one array (at most {Array.MaxLength:N0}); with maxN = {maxN}, trials must be at most {Array.MaxLength / maxN:N0}; got {trials:N0}.");
        Workbook.MemoryGuard.Check(sizeof(double) * (double)radiiCount, nameof(trials), trials,
            $"keeping eps* for {trials:N0} trials × {maxN} sample sizes", "use fewer trials");

        var radii = new double[radiiCount];
        int finished = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, trials, options,
            () => (Sums: new double[1 << maxN], Values: new double[maxN]),
            (t, _, buffers) =>
            {
                ScalarSampler.Fill(distribution, buffers.Values, Seeds.Rng(seed, (int)distribution, t));
                int offset = t * maxN;
                SubsetSums.FillSorted(buffers.Values, buffers.Sums, (k, sums) =>
                {
                    if (k > 0) radii[offset + k - 1] = CoverageRadius.Compute(sums, lower, upper);
                });
                progress?.Report(Interlocked.Increment(ref finished));
                return buffers;
            },
            _ => { });
        return new SubsetSumExperiment(distribution, maxN, trials, seed, lower, upper, radii);
    }

    /// <summary>eps*(X_1..X_n) of every trial, in trial order.</summary>
    /// <param name="n">Sample size, 1..MaxN.</param>
    public double[] RadiiAt(int n)
    {
        CheckN(n);
        var result = new double[Trials];
        for (int t = 0; t < Trials; t++) result[t] = _radii[(long)t * MaxN + n - 1];
        return result;
    }

    /// <summary>Median, quartiles and geometric mean of eps* at sample size <paramref name="n"/>.</summary>
    /// <param name="n">Sample size, 1..MaxN.</param>
    public RadiusSummary Summary(int n) => RadiusSummary.From(n, RadiiAt(n));

    /// <summary>One <see cref="RadiusSummary"/> per n = 1..MaxN: the data of the eps*(n) plot.</summary>
    public IReadOnlyList<RadiusSummary> Summaries() => [.. Enumerable.Range(1, MaxN).Select(Summary)];

    /// <summary>P(eps*(X_1..X_n) ≤ eps) estimated over the trials, with a confidence interval.</summary>
    /// <param name="n">Sample size, 1..MaxN.</param>
    /// <param name="eps">The radius, positive and finite.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public ProportionEstimate SuccessProbability(int n, double eps, ConfidenceMethod method = ConfidenceMethod.Wilson, double confidence = 0.95)
    {
        CheckN(n);
        CoverageRadius.CheckEps(eps);
        return BinomialConfidence.Estimate(CountSuccesses(n, eps), Trials, method, confidence);
    }

    /// <summary>The success probability for every n = 1..MaxN at one eps: the data of a success-versus-n curve.</summary>
    /// <param name="eps">The radius, positive and finite.</param>
    /// <param name="method">Wilson (default) or Clopper–Pearson.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public IReadOnlyList<SuccessPoint> SuccessCurve(double eps, ConfidenceMethod method = ConfidenceMethod.Wilson, double confidence = 0.95)
    {
        CoverageRadius.CheckEps(eps);
        return [.. Enumerable.Range(1, MaxN).Select(n => new SuccessPoint(n, eps, SuccessProbability(n, eps, method, confidence)))];
    }

    /// <summary>
    /// The empirical threshold n*(eps): the smallest n in 1..MaxN whose estimated success probability is
    /// at least 1 - <paramref name="delta"/> (null inside the result if none is).
    /// </summary>
    /// <param name="eps">The radius, positive and finite.</param>
    /// <param name="delta">Allowed failure probability, in (0, 1).</param>
    /// <param name="method">Confidence interval reported at the threshold.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public ThresholdEstimate Threshold(double eps, double delta = 0.1, ConfidenceMethod method = ConfidenceMethod.Wilson, double confidence = 0.95)
    {
        CoverageRadius.CheckEps(eps);
        CheckDelta(delta);
        double bound = CoverageRadius.CountingLowerBound(eps, Lower, Upper);
        for (int n = 1; n <= MaxN; n++)
        {
            int successes = CountSuccesses(n, eps);
            // successes ≥ (1 - delta)·trials, compared without rounding surprises.
            if (successes >= (1.0 - delta) * Trials - 1e-9)
                return new ThresholdEstimate(eps, Math.Log2(1.0 / eps), delta, n,
                    BinomialConfidence.Estimate(successes, Trials, method, confidence), bound);
        }
        return new ThresholdEstimate(eps, Math.Log2(1.0 / eps), delta, null, null, bound);
    }

    /// <summary>
    /// n*(eps) for each of <paramref name="epsValues"/> and the least-squares line of n* against log2(1/eps)
    /// over those reached.
    /// </summary>
    /// <param name="epsValues">At least two distinct radii, positive and finite.</param>
    /// <param name="delta">Allowed failure probability, in (0, 1).</param>
    /// <exception cref="ArgumentException">Fewer than two distinct eps values are given.</exception>
    /// <exception cref="InvalidOperationException">Fewer than two distinct eps reached their threshold within n ≤ MaxN.</exception>
    public ThresholdFit FitThresholds(IEnumerable<double> epsValues, double delta = 0.1)
    {
        ArgumentNullException.ThrowIfNull(epsValues);
        double[] eps = [.. epsValues];
        foreach (double e in eps) CoverageRadius.CheckEps(e);
        if (eps.Distinct().Count() < 2)
            throw new ArgumentException($"epsValues must hold at least two distinct radii; got {eps.Length} value(s) ({string.Join(", ", eps)}).", nameof(epsValues));
        CheckDelta(delta);
        ThresholdEstimate[] points = [.. eps.Select(e => Threshold(e, delta))];
        ThresholdEstimate[] reached = [.. points.Where(p => p.Threshold is not null)];
        if (reached.Select(p => p.Eps).Distinct().Count() < 2)
            throw new InvalidOperationException(
                $"Only {reached.Length} of {eps.Length} eps values reached success probability {1 - delta:0.###} within n ≤ {MaxN}; " +
                "a line needs two. Run with a larger maxN or use larger eps values.");
        var fit = LinearFit.Fit([.. reached.Select(p => p.Log2InverseEps)], [.. reached.Select(p => (double)p.Threshold!.Value)]);
        return new ThresholdFit(points, fit);
    }

    /// <summary>Reads like "U[-1,1]: eps* over [-1, 1] for n = 1..20, 200 trials, seed 2023".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ScalarSampler.Label(Distribution)}: eps* over [{Lower:G4}, {Upper:G4}] for n = 1..{MaxN}, {Trials} trials, seed {Seed}");

    private int CountSuccesses(int n, double eps)
    {
        int successes = 0;
        for (int t = 0; t < Trials; t++)
            if (_radii[(long)t * MaxN + n - 1] <= eps) successes++;
        return successes;
    }

    private void CheckN(int n)
    {
        if (n < 1 || n > MaxN)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be between 1 and MaxN = {MaxN}; got {n}.");
    }

    private static void CheckDelta(double delta)
    {
        if (!(delta > 0 && delta < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, $"delta must be strictly between 0 and 1; got {delta}.");
    }
}
