using LotteryTickets.Charts;
using LotteryTickets.Timing;

namespace LotteryTickets.Figures;

/// <summary>
/// Charts of an inference timing (notebook 06): latency and throughput against batch size, one line per network, and
/// the measured speed-up over a baseline against the ratio of MACs. All axes are logarithmic: batch sizes grow
/// geometrically, and latencies and ratios span orders of magnitude, so equal factors look like equal steps.
/// </summary>
public static class TimingFigures
{
    /// <summary>Median latency of one forward pass of the whole batch against the batch size, one line per network.</summary>
    /// <param name="rows">The timing's rows (<see cref="TimingReport.Rows"/>): networks in the order they first appear.</param>
    public static Figure Latency(IEnumerable<TimingRow> rows) =>
        PerNetwork(Figure.Create("Median latency of one forward pass", "batch size", "milliseconds"), rows, r => r.MedianMs);

    /// <summary>Images per second (batch size ÷ median latency) against the batch size, one line per network.</summary>
    /// <param name="rows">The timing's rows (<see cref="TimingReport.Rows"/>).</param>
    public static Figure Throughput(IEnumerable<TimingRow> rows) =>
        PerNetwork(Figure.Create("Throughput", "batch size", "images per second"), rows, r => r.ImagesPerSecond);

    /// <summary>
    /// Measured speed-up over the masked kernel ticket against the MAC ratio (the ideal speed-up if time were proportional
    /// to arithmetic), one group of points per batch size, each labelled with its network. The dashed diagonal is that
    /// ideal: points below it lose time to overheads, points above it run at a higher arithmetic rate than the baseline.
    /// </summary>
    /// <param name="speedUps">Speed-ups, for example <see cref="TicketTiming.SpeedUpsOverMasked"/>.</param>
    /// <param name="batchSizes">The batch sizes to draw, in legend order (for example <see cref="TimingReport.BatchSizes"/>).</param>
    /// <exception cref="ArgumentException">There is no speed-up to draw.</exception>
    public static Figure SpeedUpAgainstMacRatio(IReadOnlyList<SpeedupRow> speedUps, IEnumerable<int> batchSizes)
    {
        ArgumentNullException.ThrowIfNull(speedUps);
        ArgumentNullException.ThrowIfNull(batchSizes);
        if (speedUps.Count == 0) throw new ArgumentException("There is no speed-up to draw: the timing has no network besides its baseline.", nameof(speedUps));
        // The diagonal spans every point, and at least down to 0.5 so a slowdown stays visible.
        double lo = Math.Min(0.5, speedUps.Min(s => Math.Min(s.MacRatio, s.SpeedUp)));
        double hi = speedUps.Max(s => Math.Max(s.MacRatio, s.SpeedUp)) * 1.5;
        var chart = Figure.Create("Speed-up over the masked kernel ticket vs MAC ratio", "MAC ratio (masked ÷ network): ideal speed-up", "measured speed-up")
            .Line(new[] { lo, hi }, new[] { lo, hi }, name: "ideal (time ∝ MACs)", dash: true);
        foreach (int batch in batchSizes)
        {
            var points = speedUps.Where(s => s.BatchSize == batch).ToList();
            chart = chart.Points(points.Select(s => s.MacRatio), points.Select(s => s.SpeedUp), name: $"batch {batch}", text: points.Select(s => s.Model));
        }
        return chart.LogX().LogY();
    }

    private static Figure PerNetwork(Figure chart, IEnumerable<TimingRow> rows, Func<TimingRow, double> value)
    {
        var all = rows?.ToArray() ?? throw new ArgumentNullException(nameof(rows));
        if (all.Length == 0) throw new ArgumentException("A timing chart needs at least one row; got none.", nameof(rows));
        chart = chart.LogX().LogY();
        foreach (string model in all.Select(r => r.Model).Distinct())
        {
            var line = all.Where(r => r.Model == model).ToList();
            chart = chart.Line(line.Select(r => (double)r.BatchSize), line.Select(value), name: model, markers: true);
        }
        return chart;
    }
}
