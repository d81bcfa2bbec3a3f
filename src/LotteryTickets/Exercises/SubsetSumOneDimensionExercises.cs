using LotteryTickets.Statistics;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Exercises;

/// <summary>
/// Graders of notebook 01's exercises. Answers that depend on the seed are checked against the notebook's own
/// measurements, so the grades hold for every seed.
/// </summary>
public static class SubsetSumOneDimensionExercises
{
    /// <summary>Grades every exercise of notebook 01.</summary>
    /// <param name="countingBound">Exercise 1: a function giving, for ε in (0, 1], the smallest n with 2⁻ⁿ ≤ ε.</param>
    /// <param name="causeAtLargestN">Exercise 2: which candidate sets ε* at the largest n of section 2's table.</param>
    /// <param name="lineReports">Section 2's coverage reports (the notebook's <c>lineReports</c>).</param>
    /// <param name="smallestSlope">Exercise 3: the distribution with the smallest fitted slope of n*(ε) in section 5.</param>
    /// <param name="experiments">The notebook's experiments, one per distribution.</param>
    /// <param name="thresholdEps">The notebook's <c>thresholdEps</c>.</param>
    /// <param name="delta">The notebook's <c>delta</c>.</param>
    /// <param name="widerInterval">Exercise 4: which method gives the wider 95 % interval for the success at n*(0.01) of <paramref name="main"/>.</param>
    /// <param name="main">The notebook's <c>mainExperiment</c>.</param>
    /// <param name="sumBytesAtMaxN26">Exercise 5: bytes of one trial's sorted sums at maxN = 26.</param>
    /// <param name="changesWithSeed">Exercise 6: the letters of the items that change with the seed.</param>
    public static ExerciseSheet Grade(Func<double, int>? countingBound, RadiusCause? causeAtLargestN, IReadOnlyList<CoverageReport> lineReports,
        ValueDistribution? smallestSlope, IReadOnlyDictionary<ValueDistribution, SubsetSumExperiment> experiments, IReadOnlyList<double> thresholdEps, double delta,
        ConfidenceMethod? widerInterval, SubsetSumExperiment main, long? sumBytesAtMaxN26, string? changesWithSeed) =>
        new("01 · subset sum in one dimension",
        [
            CountingBound(countingBound),
            Cause(causeAtLargestN, lineReports),
            SmallestSlope(smallestSlope, experiments, thresholdEps, delta),
            Wider(widerInterval, main),
            ExerciseSheet.Grade("5. memory at maxN = 26", sumBytesAtMaxN26, b =>
                b == 8L << 26 ? ExerciseGrade.Right("5. memory at maxN = 26", "512 MiB per core")
                : ExerciseGrade.Wrong("5. memory at maxN = 26", "each trial keeps all 2^maxN sums as 8-byte doubles.")),
            ExerciseSheet.Grade("6. what changes with the seed", changesWithSeed, s =>
            {
                string letters = new(s.ToLowerInvariant().Where(char.IsLetter).Distinct().Order().ToArray());
                return letters == "ac" ? ExerciseGrade.Right("6. what changes with the seed", "the bound 2⁻ⁿ is a theorem, the bag and the fit are measurements")
                    : ExerciseGrade.Wrong("6. what changes with the seed", $"\"{letters}\" is not the set: ask of each item whether it is computed from random draws.");
            }),
        ]);

    /// <summary>Exercise 1: the counting bound as a function of ε, tried on ε = 0.5, 0.3, 0.25, 0.1, 0.01, 2⁻¹⁰ and 10⁻³.</summary>
    public static ExerciseGrade CountingBound(Func<double, int>? bound) => ExerciseSheet.Grade("1. the counting bound", bound, f =>
    {
        foreach (double eps in new[] { 0.5, 0.3, 0.25, 0.1, 0.01, Math.Pow(2, -10), 1e-3 })
        {
            int expected = 0;
            while (Math.Pow(2, -expected) > eps) expected++;
            int got = f(eps);
            if (got != expected)
                return ExerciseGrade.Wrong("1. the counting bound", $"at ε = {eps:G4} it returns {got}; " +
                    (Math.Pow(2, -got) > eps ? $"with {got} values the radius can be as small as 2^-{got} = {Math.Pow(2, -got):G4} only, above ε." : $"{got - 1} values already allow a radius 2^-{got - 1} ≤ ε: the bound is the smallest such n."));
        }
        return ExerciseGrade.Right("1. the counting bound");
    });

    private static ExerciseGrade Cause(RadiusCause? answer, IReadOnlyList<CoverageReport> reports) => ExerciseSheet.Grade("2. where the worst target is", answer, a =>
    {
        var last = reports.MaxBy(r => r.N) ?? throw new ArgumentException("lineReports is empty.", nameof(reports));
        RadiusCause truth = last.Radius == last.LowerEndDistance ? RadiusCause.DistanceFromMinusOne
            : last.Radius == last.UpperEndDistance ? RadiusCause.DistanceFromPlusOne : RadiusCause.HalfLargestGap;
        return a == truth ? ExerciseGrade.Right("2. where the worst target is", $"at n = {last.N}, ε* = {last.Radius:G4}")
            : ExerciseGrade.Wrong("2. where the worst target is", $"at n = {last.N} the table's eps* ({last.Radius:G4}) is not {Describe(a)}.");
    });

    private static string Describe(RadiusCause c) => c switch
    {
        RadiusCause.DistanceFromMinusOne => "the distance from −1",
        RadiusCause.DistanceFromPlusOne => "the distance from +1",
        _ => "half the largest gap",
    };

    private static ExerciseGrade SmallestSlope(ValueDistribution? answer, IReadOnlyDictionary<ValueDistribution, SubsetSumExperiment> experiments,
        IReadOnlyList<double> thresholdEps, double delta) => ExerciseSheet.Grade("3. the smallest slope", answer, a =>
    {
        var slopes = new Dictionary<ValueDistribution, double>();
        foreach (var (d, e) in experiments)
        {
            try { slopes[d] = e.FitThresholds(thresholdEps, delta).Fit.Slope; }
            catch (InvalidOperationException) { }   // too few thresholds reached to fit a line
        }
        var smallest = slopes.MinBy(s => s.Value).Key;
        return a == smallest ? ExerciseGrade.Right("3. the smallest slope", $"{ScalarSampler.Label(a)}: {slopes[a]:F2}")
            : ExerciseGrade.Wrong("3. the smallest slope", slopes.TryGetValue(a, out double s)
                ? $"{ScalarSampler.Label(a)} has slope {s:F2} in the table, and another distribution's is smaller."
                : $"{ScalarSampler.Label(a)} has no fitted line in this run.");
    });

    private static ExerciseGrade Wider(ConfidenceMethod? answer, SubsetSumExperiment main) => ExerciseSheet.Grade("4. which interval is wider", answer, a =>
    {
        var star = main.Threshold(0.01);
        int n = star.Threshold ?? main.MaxN;
        var wilson = main.SuccessProbability(n, 0.01, ConfidenceMethod.Wilson);
        var exact = main.SuccessProbability(n, 0.01, ConfidenceMethod.ClopperPearson);
        var wider = exact.Upper - exact.Lower >= wilson.Upper - wilson.Lower ? ConfidenceMethod.ClopperPearson : ConfidenceMethod.Wilson;
        return a == wider ? ExerciseGrade.Right("4. which interval is wider", $"at n = {n}: Wilson {wilson.Upper - wilson.Lower:F3} wide, Clopper–Pearson {exact.Upper - exact.Lower:F3}")
            : ExerciseGrade.Wrong("4. which interval is wider", $"compute both with SuccessProbability({n}, 0.01, method) and compare Upper − Lower.");
    });
}
