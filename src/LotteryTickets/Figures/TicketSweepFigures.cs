using LotteryTickets.Charts;
using LotteryTickets.Pruning;

namespace LotteryTickets.Figures;

/// <summary>
/// The two charts of a <see cref="TicketSweep"/> (notebook 04, section 6): output error against n and weights kept
/// against n, one line per curve (<see cref="TicketSweepRow.Name"/>: variant and target). Both axes are logarithmic,
/// because n grows geometrically and errors and weights span orders of magnitude; a value of zero, which a log axis
/// cannot show, is drawn at a small floor instead (1e-9 for errors, 1 for weights).
/// </summary>
public static class TicketSweepFigures
{
    /// <summary>
    /// Sup-norm output error against n, one line with markers per curve; each kernel-variant curve also gets its rigorous
    /// error budget as a dashed line, so the reader sees how far below the worst case the measured error stays.
    /// </summary>
    /// <param name="rows">The sweep's rows, in the order <see cref="TicketSweep.Run"/> returns them.</param>
    public static Figure OutputError(IEnumerable<TicketSweepRow> rows)
    {
        var all = Rows(rows);
        var chart = Figure.Create(title: "Sup-norm output error of the ticket against the target (random inputs, ||X||_max <= 1)",
            xTitle: "n (hidden channels per input channel)", yTitle: "max |ticket - target| (log scale)");
        foreach (var curve in Curves(all))
        {
            chart = chart.Line(curve.Select(p => (double)p.N), curve.Select(p => Math.Max(p.OutputError, 1e-9)), name: curve[0].Name, markers: true);
            if (curve[0].Variant == TicketVariant.Kernel)
                chart = chart.Line(curve.Select(p => (double)p.N), curve.Select(p => Math.Max(p.Budget, 1e-9)), name: $"{curve[0].Name}: error budget", dash: true);
        }
        return chart.LogX().LogY();
    }

    /// <summary>Weights each ticket's mask keeps against n, one line with markers per curve, and the target layer's weights as a dotted line.</summary>
    /// <param name="rows">The sweep's rows.</param>
    /// <param name="targetWeights">Weights of the target layer (c_out·c_in·d²), the line the tickets are compared with.</param>
    public static Figure KeptWeights(IEnumerable<TicketSweepRow> rows, long targetWeights)
    {
        var all = Rows(rows);
        var chart = Figure.Create(title: "Weights kept by each ticket", xTitle: "n (hidden channels per input channel)", yTitle: "kept weights (log scale)");
        foreach (var curve in Curves(all))
            chart = chart.Line(curve.Select(p => (double)p.N), curve.Select(p => (double)Math.Max(p.Kept, 1)), name: curve[0].Name, markers: true);
        return chart.HorizontalLine(targetWeights, name: $"target layer: {targetWeights} weights").LogX().LogY();
    }

    private static TicketSweepRow[] Rows(IEnumerable<TicketSweepRow> rows)
    {
        var all = rows?.ToArray() ?? throw new ArgumentNullException(nameof(rows));
        if (all.Length == 0) throw new ArgumentException("A sweep chart needs at least one row; got none.", nameof(rows));
        return all;
    }

    // One curve per name, in the order the names first appear, each with its rows in sweep order.
    private static IEnumerable<TicketSweepRow[]> Curves(TicketSweepRow[] rows) =>
        rows.Select(r => r.Name).Distinct().Select(name => rows.Where(r => r.Name == name).ToArray());
}
