using LotteryTickets.Figures;
using LotteryTickets.Pruning;

namespace LotteryTickets.Tests.Figures;

public sealed class TicketSweepFiguresTests
{
    private static readonly TicketSweepRow[] Rows =
    [
        new("kernel, d = 3", TicketVariant.Kernel, 16, 0.5, 2.0, true, 0.9, 40, 80, 0.1),
        new("filter, d = 3", TicketVariant.Filter, 16, 0.0, 9.0, true, 1.0, 0, 0, 0.1),
        new("kernel, d = 3", TicketVariant.Kernel, 64, 0.1, 1.0, true, 0.3, 60, 120, 0.2),
        new("kernel, d = 2", TicketVariant.Kernel, 16, 0.2, 1.5, true, 0.4, 30, 60, 0.1),
    ];

    [Fact]
    public void OutputErrorDrawsOneCurvePerNameAndTheKernelBudgets()
    {
        var chart = TicketSweepFigures.OutputError(Rows);
        Assert.StartsWith("Sup-norm output error", chart.Title);
        Assert.Equal(["kernel, d = 3", "kernel, d = 3: error budget", "filter, d = 3", "kernel, d = 2", "kernel, d = 2: error budget"], chart.TraceNames);
        string html = chart.ToHtml(includePlotly: false);
        Assert.Contains("\"type\":\"log\"", html);
        Assert.Contains("1E-09", html.ToUpperInvariant());   // the filter's zero error sits on the floor, not off the log axis
    }

    [Fact]
    public void KeptWeightsDrawsOneCurvePerNameAndTheTargetLine()
    {
        var chart = TicketSweepFigures.KeptWeights(Rows, 36);
        Assert.Equal("Weights kept by each ticket", chart.Title);
        Assert.Equal(["kernel, d = 3", "filter, d = 3", "kernel, d = 2", "target layer: 36 weights"], chart.TraceNames);
        Assert.Throws<ArgumentException>(() => TicketSweepFigures.KeptWeights([], 36));
    }
}
