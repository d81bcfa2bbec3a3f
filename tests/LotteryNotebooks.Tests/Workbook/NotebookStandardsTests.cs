using System.Text.Json.Nodes;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Workbook;

/// <summary>Every notebook follows the workbook's shape: committed clean, narrative first, parameters, exercises, checks last.</summary>
public class NotebookStandardsTests
{
    public static TheoryData<string> Notebooks() => new(Repository.Environment.Notebooks);

    private static JsonObject[] Cells(string notebook) =>
        NotebookDocument.Load(Path.Combine(Repository.NotebooksFolder, notebook)).Cells.OfType<JsonObject>().ToArray();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void IsCommittedWithoutOutputs(string notebook)
    {
        foreach (var (cell, i) in Cells(notebook).Select((c, i) => (c, i)).Where(x => x.c["cell_type"]!.GetValue<string>() == "code"))
        {
            Assert.True(cell["outputs"] is not JsonArray { Count: > 0 }, $"{notebook} cell {i + 1} has outputs: commit notebooks clean (the runner writes executed copies).");
            Assert.True(cell["execution_count"] is null, $"{notebook} cell {i + 1} has an execution count.");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void OpensWithNarrativeHasParametersExercisesAndEndsWithChecks(string notebook)
    {
        var cells = Cells(notebook);
        Assert.True(cells[0]["cell_type"]!.GetValue<string>() == "markdown" && NotebookDocument.SourceOf(cells[0]).TrimStart().StartsWith("# "),
            $"{notebook} must open with a markdown title saying what it shows.");
        int parameters = Array.FindIndex(cells, c => NotebookDocument.TagsOf(c).Contains("parameters"));
        Assert.True(parameters >= 0, $"{notebook} has no cell tagged 'parameters'.");
        Assert.True(parameters <= 6, $"{notebook}: the parameters cell should be near the top (it is cell {parameters + 1}).");
        Assert.True(cells.Any(c => c["cell_type"]!.GetValue<string>() == "markdown" && NotebookDocument.SourceOf(c).Contains("## Exercises")),
            $"{notebook} has no '## Exercises' section.");
        var lastCode = cells.Last(c => c["cell_type"]!.GetValue<string>() == "code");
        string checks = NotebookDocument.SourceOf(lastCode);
        Assert.True(checks.Contains("checks.Report()") || checks.Contains("throw") || checks.Contains("Check("),
            $"{notebook}: the last code cell must check the notebook's claims (ClaimChecks … checks.Report()) and throw when a measurement contradicts them.");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ChecksUseTheLibraryHelper(string notebook)
    {
        var cells = Cells(notebook);
        string checks = NotebookDocument.SourceOf(cells.Last(c => c["cell_type"]!.GetValue<string>() == "code"));
        Assert.True(checks.Contains("new ClaimChecks(") && checks.TrimEnd().EndsWith("checks.Report();", StringComparison.Ordinal),
            $"{notebook}: the checks cell must collect its claims in a ClaimChecks and end with checks.Report().");
        Assert.False(cells.Any(c => NotebookDocument.SourceOf(c).Contains("void Check(")),
            $"{notebook}: a local Check function: use ClaimChecks.Identity / Empirical, which label each claim and state its failure probability.");
    }
}
