using LotteryTickets.Learning;

namespace LotteryTickets.Exercises;

/// <summary>Graders of notebook 07's exercises; every answer depends on the seed and is checked against the notebook's own comparison.</summary>
public static class LearnedAgainstConstructedExercises
{
    /// <summary>Grades every exercise of notebook 07.</summary>
    /// <param name="keptShare">Exercise 1: the density (kept ÷ random weights) of the learned kernel mask.</param>
    /// <param name="gainPoints">Exercise 2: test accuracy of the learned kernel mask minus that of its random control, in percentage points.</param>
    /// <param name="compactRatio">Exercise 3: weights stored by the compact learned channel mask ÷ those of the compact constructed ticket.</param>
    /// <param name="changedKernels">Exercise 4: kernels of the last layer that the learned kernel mask keeps and its random initial mask did not.</param>
    /// <param name="comparison">The notebook's comparison (it must have learned kernel and channel masks).</param>
    public static ExerciseSheet Grade(double? keptShare, double? gainPoints, double? compactRatio, int? changedKernels, LearnedComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var learned = comparison.Row("learned", "kernels");
        double gain = 100 * (learned.TestAccuracy - comparison.Row("random", "kernels").TestAccuracy);
        double ratio = (double)comparison.Row("learned", "channels").CompactWeights / comparison.Row("constructed", "kernels").CompactWeights;
        var kernels = comparison.Learned.First(m => m.Granularity == MaskGranularity.Kernel);
        int changed = kernels.ChangedUnits()[^1], kept = kernels.Budget.UnitsPerLayer[^1];
        const string second = "2. what learning buys";
        return new("07 · learned against constructed",
        [
            ExerciseSheet.Number("1. the budget", keptShare, learned.Density, 0.01, "the learned kernel mask's density (its row of the comparison table)"),
            ExerciseSheet.Grade(second, gainPoints, a =>
                Math.Abs(a - gain) <= 0.05 ? ExerciseGrade.Right(second, $"{gain:F1} points")
                : Math.Abs(a - gain / 100) <= 0.0005 ? ExerciseGrade.Wrong(second, "that is a share; give the difference in percentage points (× 100).")
                : ExerciseGrade.Wrong(second, "subtract the random kernels' test accuracy from the learned kernels' and multiply by 100.")),
            ExerciseSheet.Number("3. compact channels ÷ compact constructed", compactRatio, ratio, 0.01, "the ratio of the two rows' compact weights"),
            ExerciseSheet.Grade("4. units training changed", changedKernels, a =>
                a == changed ? ExerciseGrade.Right("4. units training changed", $"{changed} of the {kept} kernels kept in the last layer were not in the random initial mask")
                : ExerciseGrade.Wrong("4. units training changed", "call ChangedUnits() on the learned kernel mask and take the last layer's entry.")),
        ]);
    }
}
