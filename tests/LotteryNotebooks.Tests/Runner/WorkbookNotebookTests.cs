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
    public async Task SetupNotebookPagesDrawTheirChartOfflineInBothForms()
    {
        string folder = Repository.OutputFolder("offline-page");
        var result = await NotebookRunner.RunAsync(Path.Combine(Repository.NotebooksFolder, "00-setup-and-tour.ipynb"),
            new NotebookRunOptions { OutputFolder = folder });
        Assert.True(result.Succeeded, result.Failure?.ToString());

        // The executed notebook carries plotly.js once, in the first chart's output: Jupyter and VS Code render it offline.
        string executed = File.ReadAllText(result.ExecutedPath);
        Assert.Equal(1, HeadlessChromium.CountOf(executed, "plotly.js v2.28.0"));
        // No script is fetched from a CDN (plotly.js itself mentions cdn.plot.ly as a default for map data).
        Assert.DoesNotContain("src=\\\"https://", executed);
        Assert.DoesNotContain("require.config", executed);

        // Shared form (the default): the page loads the one copy written next to it.
        string page = File.ReadAllText(result.HtmlPath);
        Assert.Equal(0, HeadlessChromium.CountOf(page, "plotly.js v2.28.0"));
        Assert.Contains("<script type=\"text/javascript\" src=\"plotly-2.28.0.js\"></script>", page);
        string shared = Path.Combine(folder, "plotly-2.28.0.js");
        Assert.StartsWith("/**\n* plotly.js v2.28.0", File.ReadAllText(shared));
        Assert.True(new FileInfo(result.HtmlPath).Length < 1_000_000, $"the shared-form page is {new FileInfo(result.HtmlPath).Length:N0} bytes");
        string dom = HeadlessChromium.DumpDom(result.HtmlPath);
        Assert.Equal(1, HeadlessChromium.DrawnCharts(dom));
        Assert.Contains("Subset sums double with every number added", dom);

        // Standalone form: one self-contained file, drawn from a folder with no copy of plotly.js beside it.
        string alone = Path.Combine(Repository.OutputFolder("offline-page-standalone"), "00-setup-and-tour.html");
        HtmlPage.Write(NotebookDocument.Load(result.ExecutedPath), alone, "00-setup-and-tour", standalone: true);
        Assert.Equal(1, HeadlessChromium.CountOf(File.ReadAllText(alone), "plotly.js v2.28.0"));
        Assert.Equal([alone], Directory.GetFiles(Path.GetDirectoryName(alone)!));
        Assert.Equal(1, HeadlessChromium.DrawnCharts(HeadlessChromium.DumpDom(alone)));
    }
}
