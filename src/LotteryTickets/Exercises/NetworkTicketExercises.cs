using LotteryTickets.Pruning;

namespace LotteryTickets.Exercises;

/// <summary>Graders of notebook 05's exercises; answers are checked against the notebook's own run and the committed construction sweep.</summary>
public static class NetworkTicketExercises
{
    /// <summary>Grades every exercise of notebook 05.</summary>
    /// <param name="slicesAbove005">Exercise 1: the kernel ticket's slices with error above 0.05.</param>
    /// <param name="kernelErrors">The kernel ticket's slice errors.</param>
    /// <param name="storedOverTarget">Exercise 2: the compact kernel ticket's stored weights ÷ the target's weights.</param>
    /// <param name="compactStored">Weights the compact kernel ticket stores.</param>
    /// <param name="targetWeights">The target's weights.</param>
    /// <param name="accuracyLossPoints">Exercise 3: target accuracy minus kernel ticket accuracy, in percentage points.</param>
    /// <param name="targetAccuracy">The target's test accuracy (null without the data set).</param>
    /// <param name="ticketAccuracy">The kernel ticket's test accuracy (null without the data set).</param>
    /// <param name="smallestGoodN">Exercise 4: the smallest n of the committed sweep whose kernel ticket is within 1 point of the target.</param>
    /// <param name="sweep">The committed construction sweep.</param>
    public static ExerciseSheet Grade(int? slicesAbove005, SliceErrorSummary kernelErrors, double? storedOverTarget, long compactStored, long targetWeights,
        double? accuracyLossPoints, double? targetAccuracy, double? ticketAccuracy, int? smallestGoodN, ConstructionSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(kernelErrors);
        ArgumentNullException.ThrowIfNull(sweep);
        const string First = "1. slices that miss", Second = "2. what the ticket stores", Third = "3. accuracy", Fourth = "4. how wide is wide enough";
        int above = kernelErrors.Above(0.05);
        int? good = sweep.Of(TicketVariant.Kernel).Where(r => r.TicketAccuracy is double k && r.TargetAccuracy is double t && t - k <= 0.01).Select(r => (int?)r.N).Min();
        return new("05 · a ticket in a whole network",
        [
            ExerciseSheet.Grade(First, slicesAbove005, a => a == above
                ? ExerciseGrade.Right(First, $"{above} of {kernelErrors.Count}")
                : ExerciseGrade.Wrong(First, "count the slices whose error exceeds 0.05: the summary of section 3 gives those within 0.05 out of the total.")),
            ExerciseSheet.Number(Second, storedOverTarget, (double)compactStored / targetWeights, 0.01, "the compact kernel ticket's stored weights (section 5's table) divided by the target's"),
            targetAccuracy is double ta && ticketAccuracy is double ka
                ? ExerciseSheet.Grade(Third, accuracyLossPoints, a => Math.Abs(a - 100 * (ta - ka)) <= 0.005
                    ? ExerciseGrade.Right(Third, $"{100 * (ta - ka):F2} points")
                    : ExerciseGrade.Wrong(Third, "subtract the kernel ticket's test accuracy from the target's (section 5's table) and multiply by 100: percentage points, not per cent."))
                : ExerciseSheet.Grade(Third, accuracyLossPoints, _ => ExerciseGrade.Wrong(Third, "this run has no test accuracies (Fashion-MNIST was not found).")),
            ExerciseSheet.Grade(Fourth, smallestGoodN, a => good is int g && a == g
                ? ExerciseGrade.Right(Fourth, $"n = {g}")
                : ExerciseGrade.Wrong(Fourth, good is null ? "no n of the committed sweep is within 1 point." : "find the first row of section 8's table whose ticket accuracy is at most 0.01 below the target's.")),
        ]);
    }
}
