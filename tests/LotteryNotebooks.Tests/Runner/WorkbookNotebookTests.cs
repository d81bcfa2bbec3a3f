using System.Text.Json.Nodes;
using LotteryNotebooks.Runner;
using LotteryNotebooks.Tests.Browser;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>Every notebook of the workbook runs through the runner without a failing cell.</summary>
public class WorkbookNotebookTests
{
    public static TheoryData<string> Notebooks() => new(Repository.Environment.Notebooks);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task NotebookRunsWithoutFailingCells(string notebook)
    {
        var result = await WorkbookRuns.RunAsync(notebook);
        Assert.True(result.Succeeded, $"{notebook}: {result.Failure}");
        Assert.True(File.Exists(result.HtmlPath));
        // The student's version: every exercise's answer cell is still empty.
        Assert.All(Workbook.GradedNotebookTests.Grades(result.ExecutedPath), g => Assert.True(g.Status == "NotAnswered", $"{notebook}: {g.Row}"));
    }

    [Fact]
    public async Task SetupNotebookPageDrawsItsChartOfflineWithPlotlyEmbeddedOnce()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Repository.NotebooksFolder, "00-setup-and-tour.ipynb"),
            new NotebookRunOptions { OutputFolder = Repository.OutputFolder("offline-page") });
        Assert.True(result.Succeeded, result.Failure?.ToString());

        string executed = File.ReadAllText(result.ExecutedPath);
        Assert.Equal(1, HeadlessChromium.CountOf(executed, "plotly.js v2.28.0"));
        // No script is fetched from a CDN (plotly.js itself mentions cdn.plot.ly as a default for map data).
        Assert.DoesNotContain("src=\\\"https://", executed);
        Assert.DoesNotContain("require.config", executed);

        string dom = HeadlessChromium.DumpDom(result.HtmlPath);
        Assert.Equal(1, HeadlessChromium.DrawnCharts(dom));
        Assert.Contains("Subset sums double with every number added", dom);
    }
}
