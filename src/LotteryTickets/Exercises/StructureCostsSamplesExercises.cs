using LotteryTickets.SubsetSum;

namespace LotteryTickets.Exercises;

/// <summary>Graders of notebook 03's exercises; seed-dependent answers are checked against the notebook's own measurements.</summary>
public static class StructureCostsSamplesExercises
{
    /// <summary>Grades every exercise of notebook 03.</summary>
    /// <param name="unstructuredExtra">Exercise 1: how many more vectors (median) unstructured pruning needs at the largest d than at the smallest.</param>
    /// <param name="structuredOverUnstructured">Exercise 2: the ratio of the median n of structured to unstructured pruning at the largest d.</param>
    /// <param name="comparisons">Section 1's comparisons (same ε).</param>
    /// <param name="independentShare">Exercise 3: the share of vectors with all coordinates below ε in absolute value if the NSN coordinates were independent with the same law, predicted from the sample.</param>
    /// <param name="nsnVectors">Section 2's NSN vectors.</param>
    /// <param name="smallBelow">The ε of section 2's statistic.</param>
    /// <param name="gridPoints">Exercise 4: points of the starting grid of an all-targets check in d = 9 at ε = 0.5.</param>
    public static ExerciseSheet Grade(double? unstructuredExtra, double? structuredOverUnstructured, IReadOnlyList<StructureComparison> comparisons,
        double? independentShare, IReadOnlyList<double[]> nsnVectors, double smallBelow, double? gridPoints)
    {
        var low = comparisons.MinBy(c => c.Dimension)!;
        var high = comparisons.MaxBy(c => c.Dimension)!;
        double extra = (high.MedianUnstructuredN ?? double.NaN) - (low.MedianUnstructuredN ?? double.NaN);
        double ratio = (high.MedianStructuredN ?? double.NaN) / (high.MedianUnstructuredN ?? double.NaN);
        double marginal = nsnVectors.Average(x => x.Average(v => Math.Abs(v) < smallBelow ? 1.0 : 0.0));
        double predicted = Math.Pow(marginal, nsnVectors[0].Length);
        double perAxis = Math.Ceiling(2 / GridCoverage.CheckSpacing(0.5, 9) - 1e-9);
        return new("03 · structure costs samples",
        [
            ExerciseSheet.Grade("1. unstructured: extra vectors for more coordinates", unstructuredExtra, a =>
                double.IsNaN(extra) ? ExerciseGrade.Wrong("1. unstructured: extra vectors for more coordinates", "a median was not reached in this run.")
                : Math.Abs(a - extra) <= 1e-9 ? ExerciseGrade.Right("1. unstructured: extra vectors for more coordinates", $"{extra:G3} more at d = {high.Dimension} than at d = {low.Dimension}; log₂({high.Dimension}/{low.Dimension}) = {Math.Log2((double)high.Dimension / low.Dimension):F2}")
                : ExerciseGrade.Wrong("1. unstructured: extra vectors for more coordinates", $"read the median n of unstructured pruning at d = {high.Dimension} and d = {low.Dimension} in section 1's table and subtract.")),
            ExerciseSheet.Number("2. structured ÷ unstructured", structuredOverUnstructured, ratio, 0.01, $"the ratio of the median n at d = {high.Dimension}"),
            ExerciseSheet.Number("3. if the coordinates were independent", independentShare, predicted, 0.02,
                $"the share P(|Y₁| < {smallBelow})^{nsnVectors[0].Length} estimated from the sample"),
            ExerciseSheet.Number("4. the grid in d = 9", gridPoints, Math.Pow(perAxis, 9), 1e-9, "the number of starting grid points (points per axis to the power 9)"),
        ]);
    }
}
