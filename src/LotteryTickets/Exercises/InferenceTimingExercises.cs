using LotteryTickets.Pruning;
using LotteryTickets.Timing;

namespace LotteryTickets.Exercises;

/// <summary>Graders of notebook 06's exercises; every answer is checked against the notebook's own timing report.</summary>
public static class InferenceTimingExercises
{
    /// <summary>Grades every exercise of notebook 06.</summary>
    /// <param name="macRatio">Exercise 1: the masked kernel ticket's nominal MACs ÷ the compact kernel ticket's.</param>
    /// <param name="maskedMuchFaster">Exercise 2: whether the masked ticket ran more than 1.5 times faster than the full random network at the largest batch.</param>
    /// <param name="effectiveMacRatio">Exercise 3: the full random network's MACs ÷ the masked ticket's effective MACs.</param>
    /// <param name="compactSpeedUp">Exercise 4: the measured speed-up of the compact kernel ticket over the masked one at the largest batch.</param>
    /// <param name="report">The notebook's timing report.</param>
    /// <param name="compactName">The compact kernel ticket's name in the report.</param>
    public static ExerciseSheet Grade(double? macRatio, bool? maskedMuchFaster, double? effectiveMacRatio, double? compactSpeedUp, TimingReport report, string compactName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(compactName);
        int largest = report.BatchSizes.Max();
        var masked = report.Row(TicketRole.MaskedKernel, largest);
        var full = report.Row(TicketRole.Random, largest);
        var compact = report.Row(compactName, largest);
        bool muchFaster = full.MedianMs / masked.MedianMs > 1.5;
        double speedUp = TicketTiming.SpeedUpsOverMasked(report).First(s => s.Model == compactName && s.BatchSize == largest).SpeedUp;
        const string Second = "2. zeros for free?";
        return new("06 · inference timing",
        [
            ExerciseSheet.Number("1. the MAC ratio", macRatio, (double)masked.MacsPerImage / compact.MacsPerImage, 0.01, "the masked ticket's MACs per image divided by the compact kernel ticket's (the arithmetic table)"),
            ExerciseSheet.Grade(Second, maskedMuchFaster, a => a == muchFaster
                ? ExerciseGrade.Right(Second, $"the full random network ÷ masked ticket latency ratio is {full.MedianMs / masked.MedianMs:F2} at batch {largest}")
                : ExerciseGrade.Wrong(Second, "compare the two median latencies at the largest batch in the timing table: same shapes, same nominal MACs.")),
            ExerciseSheet.Number("3. what a sparse kernel could gain", effectiveMacRatio, (double)full.MacsPerImage / masked.EffectiveMacsPerImage, 0.01,
                "the random network's MACs per image divided by the masked ticket's effective MACs (only non-zero weights)"),
            ExerciseSheet.Number("4. the measured speed-up", compactSpeedUp, speedUp, 0.02, $"the compact kernel ticket's speed-up over the masked one at batch {largest} (the speed-up table)"),
        ]);
    }
}
