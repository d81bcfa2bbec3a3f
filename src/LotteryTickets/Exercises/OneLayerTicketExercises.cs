using LotteryTickets.Pruning;

namespace LotteryTickets.Exercises;

/// <summary>Graders of notebook 04's exercises; answers that depend on the seed or the parameters are checked against the notebook's own run.</summary>
public static class OneLayerTicketExercises
{
    /// <summary>Grades every exercise of notebook 04.</summary>
    /// <param name="instances">Exercise 1: how many subset-sum instances the kernel ticket of section 3 solved.</param>
    /// <param name="ticket">Section 3's kernel ticket.</param>
    /// <param name="countingBound">Exercise 2: the smallest number m of candidates whose 2^m subsets can reach (1/η)^(d²) cells.</param>
    /// <param name="sliceTolerance">The notebook's η.</param>
    /// <param name="overParameterization">Exercise 3: the full random pair's weights ÷ the target layer's weights at section 3's n.</param>
    /// <param name="mostPrecise">Exercise 4: the variant with the smallest output error at the largest n of section 6.</param>
    /// <param name="outputErrorAtLargestN">Section 6's output error of each variant (at the target's kernel size) at its largest n.</param>
    public static ExerciseSheet Grade(int? instances, Ticket ticket, int? countingBound, double sliceTolerance, double? overParameterization,
        TicketVariant? mostPrecise, IReadOnlyDictionary<TicketVariant, double> outputErrorAtLargestN)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(outputErrorAtLargestN);
        var layer = ticket.Target.Architecture.Layers[0];
        int signs = ticket.Target.Architecture.InputNonNegative ? 1 : 2;
        int expectedInstances = ticket.Slices.Count;
        int dimension = layer.KernelArea;
        int bound = (int)Math.Ceiling(dimension * Math.Log2(1 / sliceTolerance) - 1e-9);
        double ratio = (double)ticket.Random.ToNetwork().ParameterCount / layer.WeightCount;
        var best = outputErrorAtLargestN.MinBy(p => p.Value).Key;
        const string First = "1. instances", Second = "2. counting bound", Third = "3. over-parameterization", Fourth = "4. the most precise variant";
        return new("04 · a ticket in one layer",
        [
            ExerciseSheet.Grade(First, instances, a => a == expectedInstances
                ? ExerciseGrade.Right(First, $"{layer.OutChannels} outputs x {layer.InChannels} inputs x {signs} sign(s)")
                : ExerciseGrade.Wrong(First, "count one instance per (output j, input t, sign), and only the + sign when the inputs are non-negative.")),
            ExerciseSheet.Grade(Second, countingBound, a => a == bound
                ? ExerciseGrade.Right(Second, $"2^{bound} ≥ (1/{sliceTolerance:G3})^{dimension}; a block needs about twice that many channels, both signs")
                : ExerciseGrade.Wrong(Second, $"take base-2 logarithms: m ≥ d²·log₂(1/η) with d² = {dimension}, then round up.")),
            ExerciseSheet.Number(Third, overParameterization, ratio, 0.01, "the random pair's weights (its ToNetwork().ParameterCount) divided by the target layer's c_out·c_in·d²"),
            ExerciseSheet.Grade(Fourth, mostPrecise, a => a == best
                ? ExerciseGrade.Right(Fourth, $"the {best.ToString().ToLowerInvariant()} variant ends lowest: its instances live in the smallest dimension")
                : ExerciseGrade.Wrong(Fourth, "read the last point of each d = kernelSize curve of section 6's chart (or the table below it).")),
        ]);
    }
}
