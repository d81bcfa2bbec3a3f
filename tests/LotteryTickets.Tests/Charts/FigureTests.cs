using LotteryTickets.Charts;

namespace LotteryTickets.Tests.Charts;

public class FigureTests
{
    private static Figure Sample() =>
        Figure.Create("Squares", "x", "x squared")
              .Line([1, 2, 3], [1, 4, 9], name: "x^2", markers: true)
              .Band([1, 2, 3], [0.5, 3, 8], [1.5, 5, 10], name: "band")
              .HorizontalLine(5, "five")
              .LogY();

    [Fact]
    public void HtmlCarriesTraceDataTitlesAndADeferredRenderCall()
    {
        string html = Sample().ToHtml(includePlotly: false);
        Assert.Contains("\"name\":\"x^2\"", html);
        Assert.Contains("\"text\":\"Squares\"", html);
        Assert.Contains("\"text\":\"x squared\"", html);
        Assert.Contains("\"type\":\"log\"", html);
        Assert.Contains("if (window.Plotly)", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("require.config", html);
    }

    [Fact]
    public void PlotlyIsEmbeddedOnlyWhenAsked()
    {
        string with = Sample().ToHtml(includePlotly: true);
        string without = Sample().ToHtml(includePlotly: false);
        Assert.Contains("plotly.js v2.28.0", with);
        Assert.DoesNotContain("plotly.js v2.28.0", without);
        Assert.True(with.Length > 3_000_000, $"plotly.js should be embedded whole; page has {with.Length} characters");
    }

    [Fact]
    public void StandalonePageIsACompleteDocument()
    {
        string page = Sample().ToStandalonePage();
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("plotly.js v2.28.0", page);
    }

    [Fact]
    public void GridAndHeatmapRender()
    {
        var heat = Figure.Create("Kernel", "column", "row").Heatmap([0, 1], [0, 1, 2], new double[3, 2], name: "K", colorTitle: "weight");
        var grid = Figure.Grid(2, "Two panels", heat, Sample());
        string html = grid.ToHtml(includePlotly: false);
        Assert.Contains("\"type\":\"heatmap\"", html);
        Assert.Contains("Two panels", html);
        Assert.Equal(["K", "x^2", "band", "five"], grid.TraceNames);
    }

    [Fact]
    public void BadInputIsRejectedWithTheParameterNamed()
    {
        var f = Figure.Create("t", "x", "y");
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => f.Line([1, 2], [1], "a")).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => Figure.Create(" ", "x", "y")).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => f.Heatmap([1], [1], new double[2, 2], "h")).ParamName);
        Assert.Equal("lower", Assert.Throws<ArgumentException>(() => f.Band([1], [2], [1], "b")).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => Figure.Grid(0, "g", f)).ParamName);
    }
}
