using LotteryTickets.Figures;
using LotteryTickets.Timing;

namespace LotteryTickets.Tests.Figures;

public sealed class TimingFiguresTests
{
    private static readonly TimingRow[] Rows =
    [
        new("masked", 1, 1, 10, 4.0, 3.5, 4.5, 3.0, 8000, 1000, 100, 10, true),
        new("masked", 8, 1, 10, 20.0, 19, 21, 18, 8000, 1000, 100, 10, true),
        new("compact", 1, 1, 10, 2.0, 1.5, 2.5, 1.0, 2000, 1000, 30, 10, true),
        new("compact", 8, 1, 10, 5.0, 4.5, 5.5, 4.0, 2000, 1000, 30, 10, true),
    ];

    [Fact]
    public void LatencyAndThroughputDrawOneLogLogLinePerNetwork()
    {
        var latency = TimingFigures.Latency(Rows);
        var throughput = TimingFigures.Throughput(Rows);
        Assert.Equal("Median latency of one forward pass", latency.Title);
        Assert.Equal("Throughput", throughput.Title);
        Assert.Equal(["masked", "compact"], latency.TraceNames);
        Assert.Equal(["masked", "compact"], throughput.TraceNames);
        Assert.Contains("\"type\":\"log\"", latency.ToHtml(includePlotly: false));
        Assert.Throws<ArgumentException>(() => TimingFigures.Latency([]));
    }

    [Fact]
    public void SpeedUpsAreGroupedByBatchBesideTheIdealDiagonal()
    {
        var speedUps = new[] { SpeedupRow.Of(Rows[2], Rows[0]), SpeedupRow.Of(Rows[3], Rows[1]) };
        var chart = TimingFigures.SpeedUpAgainstMacRatio(speedUps, [1, 8]);
        Assert.Equal("Speed-up over the masked kernel ticket vs MAC ratio", chart.Title);
        Assert.Equal(["ideal (time ∝ MACs)", "batch 1", "batch 8"], chart.TraceNames);
        Assert.Throws<ArgumentException>(() => TimingFigures.SpeedUpAgainstMacRatio([], [1]));
    }
}
