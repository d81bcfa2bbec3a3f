using LotteryTickets.Networks;
using LotteryTickets.Pruning;

namespace LotteryTickets.Exercises;

/// <summary>Graders of notebook 08's exercises; answers that depend on the sweeps are checked against the sweeps the notebook shows.</summary>
public static class TheoremAgainstMeasurementExercises
{
    /// <summary>Grades every exercise of notebook 08.</summary>
    /// <param name="kernelSizeRatio">Exercise 1: n(3x3) ÷ n(2x2) at the η both committed sweeps measured (largest n over the layers).</param>
    /// <param name="sizing">Every sizing row the notebook shows (committed sweeps).</param>
    /// <param name="countingBound3x3">Exercise 2: the counting bound on n for a 3x3 kernel at η = 0.05.</param>
    /// <param name="unionExtra">Exercise 3: candidates per sign the union bound adds for every kernel instance of the 3x3 target at δ = 1e-3.</param>
    /// <param name="worstLossPoints">Exercise 4: the largest loss of test accuracy, in points, over the fresh run's random networks.</param>
    /// <param name="fresh">The fresh run's accuracy rows.</param>
    public static ExerciseSheet Grade(double? kernelSizeRatio, IReadOnlyList<SizingRow> sizing, double? countingBound3x3, double? unionExtra,
        double? worstLossPoints, IReadOnlyList<SeedAccuracyRow> fresh)
    {
        ArgumentNullException.ThrowIfNull(sizing);
        ArgumentNullException.ThrowIfNull(fresh);
        var common = sizing.Where(r => r.KernelSize == 3).Select(r => r.Eta).Intersect(sizing.Where(r => r.KernelSize == 2).Select(r => r.Eta)).OrderByDescending(e => e).FirstOrDefault();
        double ratio = common == 0 ? double.NaN
            : (double)sizing.First(r => r.KernelSize == 3 && r.Eta == common).MaxHiddenPerInput / sizing.First(r => r.KernelSize == 2 && r.Eta == common).MaxHiddenPerInput;
        double counting = HiddenSizing.CountingBound(TargetArchitecture.FashionMnist3x3, 0.05)[0];
        double extra = SizingSweep.UnionBoundExtraCandidates(SizingSweep.KernelInstances(TargetArchitecture.FashionMnist3x3, TargetArchitecture.FashionMnist3x3.Layers.Count), 1e-3);
        double worst = fresh.Count == 0 ? double.NaN : fresh.Max(r => 100 * ((r.TargetAccuracy ?? double.NaN) - (r.TicketAccuracy ?? double.NaN)));
        return new("08 · the theorem against measurement",
        [
            double.IsNaN(ratio)
                ? ExerciseSheet.Grade("1. kernel size", kernelSizeRatio, _ => ExerciseGrade.Wrong("1. kernel size", "the sweeps shown have no η in common for the 3x3 and 2x2 targets."))
                : ExerciseSheet.Number("1. kernel size", kernelSizeRatio, ratio, 0.01, $"n(3x3) ÷ n(2x2) at η = {common} (largest n over the layers)"),
            ExerciseSheet.Number("2. the counting bound for 3x3", countingBound3x3, counting, 1e-9, "2·⌈9·log₂(1/0.05)⌉, the counting bound for a 3x3 kernel at η = 0.05"),
            ExerciseSheet.Number("3. the union bound's price", unionExtra, extra, 0.01, "log₂(ln(N/δ)/ln 2) with N the 3x3 target's kernel instances and δ = 1e-3"),
            double.IsNaN(worst)
                ? ExerciseSheet.Grade("4. the worst random network", worstLossPoints, _ => ExerciseGrade.Wrong("4. the worst random network", "the fresh run measured no accuracy (set freshSeeds ≥ 1)."))
                : ExerciseSheet.Number("4. the worst random network", worstLossPoints, worst, 0.01, "the largest (target − ticket) accuracy over the fresh run's seeds, in points"),
        ]);
    }
}
