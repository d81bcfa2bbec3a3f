using LotteryNotebooks.Tests.Runner;
using LotteryTickets.Charts;
using Xunit.Abstractions;

namespace LotteryNotebooks.Tests.Browser;

/// <summary>
/// Every chart of every executed workbook page, measured in headless Chromium at a desktop width and on a
/// narrowed page: no title is cut or runs into the plot, the plot area is at least half the figure's width,
/// and no confidence or quartile band shares its colour with a different curve. At the desktop width no
/// table overflows its output. The pages are those the runner tests produce (one run per notebook).
/// </summary>
public class PageChartTests(ITestOutputHelper log)
{
    public static TheoryData<string> Notebooks() => new(Repository.Environment.Notebooks);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task ChartsFitTheirFigureAndBandsMatchTheirCurves(string notebook)
    {
        var result = await WorkbookRuns.RunAsync(notebook);
        Assert.True(result.Succeeded, $"{notebook}: {result.Failure}");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (wide, narrow) = ChartMeasurements.Measure(result.HtmlPath);
        log.WriteLine($"{notebook}: measured in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (label, page) in new[] { ("desktop", wide), ("narrow", narrow) })
            foreach (var chart in page.Charts)
                log.WriteLine($"  {label} page {page.PageWidth:F0} px: \"{chart.Title}\" figure {chart.Width:F0} px, plot area {chart.PlotWidth:F0} px");

        int outputs = ChartMeasurements.ChartOutputs(result.HtmlPath);
        Assert.True(wide.Charts.Count == outputs, $"{notebook}: {outputs} chart outputs but {wide.Charts.Count} drawn charts.");
        var problems = wide.Charts.SelectMany(c => c.Problems.Select(p => $"desktop page ({wide.PageWidth:F0} px), \"{c.Title}\": {p}"))
            .Concat(narrow.Charts.SelectMany(c => c.Problems.Select(p => $"narrow page ({narrow.PageWidth:F0} px), \"{c.Title}\": {p}")))
            .Concat(wide.Tables.Select(t => $"desktop page ({wide.PageWidth:F0} px): {t}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{notebook} ({result.HtmlPath}):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void MeasurementFindsCutTitlesSqueezedPlotsAndBandsOfAnotherCurvesColour()
    {
        // A workbook chart beside a raw plotly.js chart with the defects the workbook's charts used to have.
        string folder = Repository.OutputFolder("chart-measurement");
        string good = Figure.Create("A workbook chart", "x", "y").Band([1, 2], [0, 1], [1, 2], "a: band").Line([1, 2], [0.5, 1.5], "a").ToStandalonePage();
        const string bad = """
            <div id="bad"></div><script>
            window.Plotly.newPlot('bad', [
              { x: [1, 2], y: [0, 1], mode: 'lines', line: { width: 0 }, showlegend: false },
              { x: [1, 2], y: [1, 2], mode: 'lines', line: { width: 0 }, fill: 'tonexty', fillcolor: 'rgba(99,110,250,0.2)', name: 'first band' },
              { x: [1, 2], y: [0.5, 1.5], mode: 'lines', line: { color: 'rgb(99,110,250)' }, name: 'second curve' },
              { x: [1, 2], y: [2, 3], mode: 'lines', name: 'a legend entry long enough to squeeze the plot area to almost nothing at all, really' }],
              { width: 600, title: { text: 'A fixed-width chart whose title is far too long to fit in six hundred pixels, so it is cut' } });
            </script>
            """;
        string page = Path.Combine(folder, "measured.html");
        File.WriteAllText(page, good.Replace("</body>", bad + "</body>"));

        var (wide, _) = ChartMeasurements.Measure(page);

        Assert.Equal(2, wide.Charts.Count);
        Assert.Empty(wide.Charts[0].Problems);
        var problems = string.Join("\n", wide.Charts[1].Problems);
        Assert.Contains("is cut", problems);
        Assert.Contains("less than half", problems);
        Assert.Contains("band \"first band\" has the colour of \"second curve\"", problems);
    }
}
