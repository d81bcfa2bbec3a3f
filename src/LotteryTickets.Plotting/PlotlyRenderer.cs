namespace LotteryTickets.Plotting;

/// <summary>Placeholder until the chart bridge lands.</summary>
public static class PlotlyRenderer
{
}
