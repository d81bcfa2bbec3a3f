using LotteryTickets.Statistics;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Exercises;

/// <summary>Graders of notebook 02's exercises; seed-dependent answers are checked against the notebook's own measurements.</summary>
public static class SubsetSumManyDimensionsExercises
{
    /// <summary>Grades every exercise of notebook 02.</summary>
    /// <param name="countingBound">Exercise 1: a function (d, ε) ↦ d·log₂(1/ε), the counting bound on n.</param>
    /// <param name="cubeSideInEps">Exercise 2: the side of the cubes, in units of ε, behind the form d·log₂(1/(2ε)).</param>
    /// <param name="holeFactorPerVector">Exercise 3: the factor by which the largest hole shrinks per added vector in section 2.</param>
    /// <param name="holes">Section 2's holes: (n, lower bound on ε*) for each n drawn.</param>
    /// <param name="vectorsPerDimension">Exercise 4: the fitted vectors per added dimension (one random target).</param>
    /// <param name="perDimension">The notebook's fit of n* against d (<c>perDimension</c>).</param>
    /// <param name="thresholdAtDelta01">Exercise 5: n* at δ = 0.1 for one random target at the largest dimension run.</param>
    /// <param name="randomTarget">The notebook's one-random-target experiments.</param>
    /// <param name="euclideanNeedsMore">Exercise 6: does the Euclidean norm need more vectors than the max-norm at the same ε?</param>
    public static ExerciseSheet Grade(Func<int, double, double>? countingBound, double? cubeSideInEps, double? holeFactorPerVector,
        IReadOnlyList<(int N, double Radius)> holes, double? vectorsPerDimension, LinearFit perDimension, int? thresholdAtDelta01,
        IReadOnlyList<VectorSubsetSumExperiment> randomTarget, bool? euclideanNeedsMore)
    {
        var first = holes.MinBy(h => h.N);
        var last = holes.MaxBy(h => h.N);
        double factor = Math.Pow(last.Radius / first.Radius, 1.0 / (last.N - first.N));
        var largest = randomTarget.MaxBy(r => r.Dimension) ?? throw new ArgumentException("No random-target experiment.", nameof(randomTarget));
        int? strict = largest.Threshold(0.1).Threshold;
        return new("02 · subset sum in many dimensions",
        [
            ExerciseSheet.Grade("1. the counting bound in d dimensions", countingBound, f =>
            {
                foreach (var (d, eps) in new[] { (1, 0.25), (2, 0.25), (3, 0.1), (9, 0.5), (4, 0.02) })
                {
                    double expected = ScalingBounds.CountingLowerBound(d, eps), got = f(d, eps);
                    if (!(Math.Abs(got - expected) <= 1e-9 * expected))
                        return ExerciseGrade.Wrong("1. the counting bound in d dimensions", $"for d = {d}, ε = {eps} it returns {got:G6}; count the cubes of side 2ε that [−1, 1]^d needs, and the subsets of n vectors.");
                }
                return ExerciseGrade.Right("1. the counting bound in d dimensions");
            }),
            ExerciseSheet.Grade("2. which cube side", cubeSideInEps, s =>
                Math.Abs(s - 4) < 1e-9 ? ExerciseGrade.Right("2. which cube side", "cubes of side 4ε (radius 2ε): (2/(4ε))^d = (1/(2ε))^d")
                : ExerciseGrade.Wrong("2. which cube side", $"cubes of side {s:G4}ε need (2/({s:G4}ε))^d of them, which is not (1/(2ε))^d.")),
            ExerciseSheet.Number("3. the hole's shrink factor", holeFactorPerVector, factor, 0.03,
                $"the factor per added vector from n = {first.N} to n = {last.N}"),
            ExerciseSheet.Number("4. vectors per added dimension", vectorsPerDimension, perDimension.Slope, 0.02, "the fitted slope of n* against d"),
            ExerciseSheet.Grade("5. δ = 0.1 at the largest d", thresholdAtDelta01, n =>
                strict is null ? ExerciseGrade.Wrong("5. δ = 0.1 at the largest d", $"no n up to {largest.MaxN} reaches success 0.9 at d = {largest.Dimension} in this run.")
                : n == strict ? ExerciseGrade.Right("5. δ = 0.1 at the largest d", $"d = {largest.Dimension}: {strict} against the median's {largest.Threshold(0.5).Threshold}")
                : ExerciseGrade.Wrong("5. δ = 0.1 at the largest d", $"{n} is not the smallest n at which 90 % of the d = {largest.Dimension} samples succeed (use Threshold(0.1)).")),
            ExerciseSheet.Grade("6. Euclidean or max-norm", euclideanNeedsMore, more =>
                more ? ExerciseGrade.Right("6. Euclidean or max-norm", "the Euclidean ball of radius ε fits inside the cube of side 2ε")
                : ExerciseGrade.Wrong("6. Euclidean or max-norm", "compare the Euclidean ball of radius ε with the max-norm ball (the cube of side 2ε): which is smaller?")),
        ]);
    }
}
