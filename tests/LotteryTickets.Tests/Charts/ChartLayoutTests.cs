using LotteryTickets.Charts;

namespace LotteryTickets.Tests.Charts;

public class ChartLayoutTests
{
    private static readonly double[] X = [1, 2, 3];

    private static TraceSpec Trace(FigureSpec spec, string name, TraceKind? kind = null) =>
        spec.Traces.Single(t => t.Name == name && (kind is null || t.Kind == kind));

    [Fact]
    public void EachBandTakesTheColourAndGroupOfTheCurveAddedRightAfterIt()
    {
        var spec = Figure.Create("t", "x", "y")
            .Band(X, [0, 0, 0], [1, 1, 1], "a: 95% CI").Line(X, [0.5, 0.5, 0.5], "a")
            .Band(X, [1, 1, 1], [2, 2, 2], "b: 95% CI").Line(X, [1.5, 1.5, 1.5], "b")
            .Line(X, [3, 3, 3], "c")
            .Styled();
        Assert.Equal(Trace(spec, "a").Color, Trace(spec, "a: 95% CI").Color);
        Assert.Equal(Trace(spec, "b").Color, Trace(spec, "b: 95% CI").Color);
        Assert.Equal("a", Trace(spec, "a: 95% CI").Group);
        string?[] curves = [Trace(spec, "a").Color, Trace(spec, "b").Color, Trace(spec, "c").Color];
        Assert.Equal(3, curves.Distinct().Count());
    }

    [Fact]
    public void ABandAddedAfterItsCurveTakesThatCurvesColour()
    {
        var spec = Figure.Create("t", "x", "y").Line(X, [1, 2, 3], "a").Band(X, [0, 1, 2], [2, 3, 4], "a: band").Styled();
        Assert.Equal(Trace(spec, "a").Color, Trace(spec, "a: band").Color);
    }

    [Fact]
    public void CurvesGetDistinctMarkersAndLinesWithMarkersUseOpenOnes()
    {
        var spec = Figure.Create("t", "x", "y").Line(X, X, "a", markers: true).Line(X, X, "b", markers: true).Points(X, X, "c").Styled();
        Assert.Equal("circle-open", Trace(spec, "a").Symbol);
        Assert.Equal("square-open", Trace(spec, "b").Symbol);
        Assert.Equal("diamond", Trace(spec, "c").Symbol);
    }

    [Fact]
    public void HorizontalLinesSpanTheWholePlotEvenOnACategoryAxis()
    {
        var figure = Figure.Create("t", "ticket", "weights").Bars(["kernel", "filter"], [10, 20], "kept").HorizontalLine(15, "target").LogY();
        var line = Trace(figure.Styled(), "target");
        Assert.True(line.SpansPlot);
        Assert.Equal([0.0, 1.0], line.X!);
        Assert.Null(line.Categories);
        string html = figure.ToHtml(includePlotly: false);
        Assert.Contains("\"xaxis\":\"x2\"", html);
        Assert.Contains("\"overlaying\":\"x\"", html);
    }

    [Fact]
    public void LogAxesAreLabelledWithWholeValuesNeverSiPrefixesOrBareDigits()
    {
        var wide = ChartLayout.LogTicks([1e-6, 0.5, 1])!;
        Assert.Equal(["10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001", "0.01", "0.1", "1", "10"], wide.Texts!);
        var twoDecades = ChartLayout.LogTicks([0.4, 3, 20])!;
        Assert.Contains("0.5", twoDecades.Texts!);
        Assert.Contains("20", twoDecades.Texts!);
        Assert.DoesNotContain(twoDecades.Texts!, t => t.Length == 1 && t != "1" && t != "2" && t != "5");
        var digits = ChartLayout.LogTicks([1, 7])!;
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], digits.Texts!);
        Assert.Null(ChartLayout.LogTicks([-1, 0]));
        var html = Figure.Create("t", "x", "y").Line([1, 2], [1e-6, 1], "a").LogY().ToHtml(includePlotly: false);
        Assert.DoesNotContain("µ", html);
        Assert.Contains("\"exponentformat\":\"power\"", html);
    }

    [Theory]
    [InlineData(0.001, "0.001")]
    [InlineData(12345, "12,345")]
    [InlineData(2e-6, "2×10⁻⁶")]
    [InlineData(1e5, "10⁵")]
    [InlineData(-3e7, "−3×10⁷")]
    public void TickLabelsArePlainNumbersOrPowersOfTen(double value, string expected) =>
        Assert.Equal(expected, ChartLayout.FormatTick(value));

    [Fact]
    public void IntegerAxesSpanningAFewUnitsAreTickedAtIntegersOnly()
    {
        var spec = Figure.Create("t", "channel", "input").Heatmap([0, 1, 2, 3], [0, 1], new double[2, 4], "h").Styled();
        Assert.Equal(1, spec.YTicks!.Step);
        Assert.Equal(0, spec.YTicks.Start);
        Assert.Null(ChartLayout.IntegerTicks([0, 2048]));
        Assert.Null(ChartLayout.IntegerTicks([0, 0.5]));
    }

    [Fact]
    public void LongOrManyLegendEntriesGoBelowThePlot()
    {
        var shortNames = Figure.Create("t", "x", "y").Line(X, X, "a").Line(X, X, "b").Styled();
        Assert.Equal(LegendPlacement.Right, shortNames.Legend);
        var longName = Figure.Create("t", "x", "y").Line(X, X, "proven bound's shape d³·ln(1/eps)·(ln(1/eps)+ln d), constant unknown").Styled();
        Assert.Equal(LegendPlacement.Below, longName.Legend);
        Assert.True(longName.LegendRows >= 1);
        var heatmapOnly = Figure.Create("t", "x", "y").Heatmap([0, 1], [0, 1], new double[2, 2], "h").Styled();
        Assert.Equal(LegendPlacement.None, heatmapOnly.Legend);
    }

    [Fact]
    public void SignedHeatmapsUseADivergingScaleCentredOnZero()
    {
        var spec = Figure.Create("t", "x", "y").Heatmap([0, 1], [0], new double[,] { { -2, 1 } }, "w").Styled();
        var heatmap = Trace(spec, "w");
        Assert.Equal("RdBu", heatmap.ColorScale);
        Assert.Equal((-2.0, 2.0, 0.0), (heatmap.ZMin, heatmap.ZMax, heatmap.ZMid));
    }

    [Fact]
    public void HeatmapsOfAGridWithOneColourTitleShareOneScale()
    {
        var a = Figure.Create("a", "x", "y").Heatmap([0, 1], [0], new double[,] { { 0, 0.5 } }, "a", colorTitle: "success");
        var b = Figure.Create("b", "x", "y").Heatmap([0, 1], [0], new double[,] { { 0.2, 1 } }, "b", colorTitle: "success");
        var heatmaps = Figure.Grid(2, "g", a, b).Styled().Panels!.Select(p => p.Traces.Single()).ToArray();
        Assert.All(heatmaps, h => Assert.Equal((0.0, 1.0), (h.ZMin, h.ZMax)));
        Assert.Equal([true, false], heatmaps.Select(h => h.ShowScale));
    }

    [Fact]
    public void ChartsFollowThePageWidthAndWrapTheirTitles()
    {
        string html = Figure.Create("A title", "x", "y").Line(X, X, "a").ToHtml(includePlotly: false);
        Assert.Contains("style=\"width:100%;max-width:960px\"", html);
        Assert.DoesNotContain("\"width\":", html.Replace("\"width\":2", "").Replace("\"width\":1.5", "").Replace("\"width\":0", ""));
        Assert.Contains("\"autosize\":true", html);
        Assert.Contains("lotteryFitTitles", html);
        Assert.Contains("max-width:500px", Figure.Create("t", "x", "y").Line(X, X, "a").Size(500, 300).ToHtml(includePlotly: false));
    }
}
