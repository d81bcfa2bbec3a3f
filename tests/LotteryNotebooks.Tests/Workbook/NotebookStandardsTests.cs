using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Workbook;

/// <summary>Every notebook follows the workbook's shape: committed clean, narrative first, parameters, exercises, checks last, code cells short.</summary>
public partial class NotebookStandardsTests
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
        // The checks may span several cells (one group of claims each, so that every cell stays short), all after the
        // Exercises section: the first creates the ClaimChecks, every later code cell adds to it, and the notebook's last
        // code cell ends with checks.Report(), which shows the whole table once and throws if a claim failed.
        var cells = Cells(notebook);
        int exercises = Array.FindIndex(cells, c => IsMarkdown(c) && NotebookDocument.SourceOf(c).Contains("## Exercises"));
        int first = Array.FindIndex(cells, c => IsCode(c) && NotebookDocument.SourceOf(c).Contains("new ClaimChecks("));
        Assert.True(first >= 0 && NotebookDocument.SourceOf(cells[first]).Contains("var checks = new ClaimChecks("),
            $"{notebook}: the first checks cell must collect the claims in a ClaimChecks (var checks = new ClaimChecks();).");
        Assert.True(first > exercises, $"{notebook}: the checks (from cell {first + 1}) must come after the Exercises section (cell {exercises + 1}).");
        Assert.Equal(1, cells.Count(c => IsCode(c) && NotebookDocument.SourceOf(c).Contains("new ClaimChecks(")));
        var checksCells = cells.Skip(first).Where(IsCode).ToArray();
        Assert.True(NotebookDocument.SourceOf(checksCells[^1]).TrimEnd().EndsWith("checks.Report();", StringComparison.Ordinal),
            $"{notebook}: the last code cell must end with checks.Report().");
        Assert.All(checksCells, c => Assert.True(NotebookDocument.SourceOf(c).Contains("checks"),
            $"{notebook}: a code cell among the checks does not add to them: {FirstLine(c)}"));
        Assert.True(cells.Count(c => IsCode(c) && NotebookDocument.SourceOf(c).Contains("checks.Report()")) == 1,
            $"{notebook}: checks.Report() must run once, at the end, so that the table shows every claim.");
        Assert.False(cells.Any(c => NotebookDocument.SourceOf(c).Contains("void Check(")),
            $"{notebook}: a local Check function: use ClaimChecks.Identity / Empirical, which label each claim and state its failure probability.");
    }

    /// <summary>The longest a code cell may be: a reader takes in a cell of ten lines at a glance.</summary>
    public const int MaxCellLines = 10;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CodeCellsAreAtMostTenLines(string notebook)
    {
        // Longer work goes to the library (LotteryTickets.Figures draws, the domain folders compute) or into several
        // cells, each saying one thing. The parameters cell is exempt: it is a list of settings (see the next test).
        var tooLong = Cells(notebook).Select((c, i) => (Cell: c, Number: i + 1))
            .Where(x => IsCode(x.Cell) && !NotebookDocument.TagsOf(x.Cell).Contains("parameters") && Lines(x.Cell).Length > MaxCellLines)
            .Select(x => $"cell {x.Number} ({Lines(x.Cell).Length} lines: {FirstLine(x.Cell)})").ToArray();
        Assert.True(tooLong.Length == 0, $"{notebook}: code cells longer than {MaxCellLines} lines: {string.Join("; ", tooLong)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ALongParametersCellHoldsOnlySettings(string notebook)
    {
        // A parameters cell may list more than ten settings (notebooks 01-03 have 12 to 14): a reader scans a list of
        // one setting per line. Then each line must be a setting: an explicitly typed declaration with a value and a
        // comment saying what it sets. Anything else (loading the environment, derived values) belongs in other cells.
        var parameters = Cells(notebook).Single(c => NotebookDocument.TagsOf(c).Contains("parameters"));
        string[] lines = Lines(parameters);
        if (lines.Length <= MaxCellLines) return;
        var notSettings = lines.Where(l => !Setting().IsMatch(l)).ToArray();
        Assert.True(notSettings.Length == 0,
            $"{notebook}: the parameters cell has {lines.Length} lines, so each must be one typed setting with its comment (int n = 12;   // what n is); not: {string.Join(" | ", notSettings)}");
    }

    private static bool IsCode(JsonObject cell) => cell["cell_type"]!.GetValue<string>() == "code";

    private static bool IsMarkdown(JsonObject cell) => cell["cell_type"]!.GetValue<string>() == "markdown";

    /// <summary>The cell's lines, trailing newlines not counted.</summary>
    private static string[] Lines(JsonObject cell) => NotebookDocument.SourceOf(cell).TrimEnd('\n', '\r').Split('\n');

    private static string FirstLine(JsonObject cell) => Lines(cell)[0] is { Length: > 60 } line ? line[..60] + "…" : Lines(cell)[0];

    // A typed declaration (not var: the reader sees what kind of value to give), a value, a semicolon and a comment.
    [GeneratedRegex(@"^(?:const\s+)?(?!var\s)[A-Za-z_(][\w<>\[\],.?() ]*?\s+[A-Za-z_]\w*\s*=(?!=).*;\s*//\s*\S")]
    private static partial Regex Setting();
}
