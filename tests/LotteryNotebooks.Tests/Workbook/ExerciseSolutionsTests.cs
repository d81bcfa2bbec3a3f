using System.Text.Json.Nodes;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Workbook;

/// <summary>The teacher's version: solutions files merge into answer cells, and every exercise of the workbook has one.</summary>
public class ExerciseSolutionsTests
{
    private static string NotebookWithAnswers(string folder, params string[] answerIds)
    {
        var cells = new JsonArray(new JsonObject { ["cell_type"] = "markdown", ["id"] = "title", ["metadata"] = new JsonObject(), ["source"] = "# T" });
        foreach (var id in answerIds)
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code", ["id"] = id, ["execution_count"] = null, ["outputs"] = new JsonArray(),
                ["metadata"] = new JsonObject { ["tags"] = new JsonArray("answer") }, ["source"] = "int? x = null;",
            });
        string path = Path.Combine(folder, "09-test.ipynb");
        File.WriteAllText(path, new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
        return path;
    }

    private static void WriteSolutions(string folder, string text)
    {
        Directory.CreateDirectory(Path.Combine(folder, "solutions"));
        File.WriteAllText(Path.Combine(folder, "solutions", "09-test.md"), text);
    }

    [Fact]
    public void MergeReplacesAnswerCellsAddsNotesAndMarksTheCopy()
    {
        string folder = Repository.OutputFolder("solutions-merge");
        string path = NotebookWithAnswers(folder, "answer-1", "answer-2");
        WriteSolutions(folder, "# Solutions\n\nIntro.\n\n## answer-1\n\nBecause.\n\n```csharp\nint? x = 1;\n// two lines\n```\n\n## answer-2\n\n```csharp\nint? y = 2;\n```\n");
        var notebook = NotebookDocument.Load(path);

        ExerciseSolutions.Merge(notebook);

        var cells = notebook.Cells.OfType<JsonObject>().ToArray();
        Assert.Equal(["title", "teachers-version", "answer-1", "solution-notes-answer-1", "answer-2"], cells.Select(c => c["id"]!.GetValue<string>()));
        Assert.Equal("int? x = 1;\n// two lines", NotebookDocument.SourceOf(cells[2]));
        Assert.Equal("int? y = 2;", NotebookDocument.SourceOf(cells[4]));
        Assert.Contains("Because.", NotebookDocument.SourceOf(cells[3]));
        Assert.Contains("Teacher's version", NotebookDocument.SourceOf(cells[1]));
    }

    [Theory]
    [InlineData("## answer-1\n\n```csharp\nint? x = 1;\n```\n", "no section '## answer-2'")]
    [InlineData("## answer-1\n```csharp\na\n```\n## answer-2\n```csharp\nb\n```\n## answer-3\n```csharp\nc\n```\n", "does not have: answer-3")]
    [InlineData("## answer-1\n```csharp\na\n```\n```csharp\nb\n```\n## answer-2\n```csharp\nc\n```\n", "exactly one ```csharp block; it holds 2")]
    [InlineData("## answer-1\n```python\na\n```\n", "must be ```csharp")]
    [InlineData("## answer-1\n```csharp\na\n", "is not closed")]
    public void BadSolutionsFilesAreRejectedNamingTheProblem(string solutions, string expected)
    {
        string folder = Repository.OutputFolder("solutions-bad");
        string path = NotebookWithAnswers(folder, "answer-1", "answer-2");
        WriteSolutions(folder, solutions);
        var e = Assert.Throws<InvalidDataException>(() => ExerciseSolutions.Merge(NotebookDocument.Load(path)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void AMissingSolutionsFileIsAnErrorAndANotebookWithoutExercisesIsLeftAlone()
    {
        string folder = Repository.OutputFolder("solutions-missing");
        var e = Assert.Throws<InvalidDataException>(() => ExerciseSolutions.Merge(NotebookDocument.Load(NotebookWithAnswers(folder, "answer-1"))));
        Assert.Contains("no solutions file", e.Message);
        var plain = NotebookDocument.Load(NotebookWithAnswers(folder));
        ExerciseSolutions.Merge(plain);
        Assert.Single(plain.Cells);
    }

    public static TheoryData<string> Notebooks() => new(Repository.Environment.Notebooks);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryAnswerCellHasASolutionAndAGradingCellFollows(string notebook)
    {
        string path = Path.Combine(Repository.NotebooksFolder, notebook);
        var document = NotebookDocument.Load(path);
        var answers = ExerciseSolutions.AnswerCells(document);
        Assert.True(answers.Count > 0, $"{notebook}: its exercises have no answer cells (tagged {ExerciseSolutions.AnswerTag}), so nothing can be graded.");
        foreach (var (id, cell) in answers)
            Assert.True(NotebookDocument.SourceOf(cell).Contains("= null;"), $"{notebook}, {id}: the student's answer cell must hold a null placeholder.");
        var merged = document.Clone();
        ExerciseSolutions.Merge(merged);   // throws when a section is missing or extra
        var cells = document.Cells.OfType<JsonObject>().ToList();
        int lastAnswer = cells.IndexOf(answers[^1].Cell);
        Assert.True(cells.Skip(lastAnswer + 1).Any(c => c["cell_type"]!.GetValue<string>() == "code" && NotebookDocument.SourceOf(c).Contains("Exercises.Grade(")),
            $"{notebook}: a grading cell (…Exercises.Grade(…)) must follow the last answer cell.");
    }

    [Fact]
    public void TheCommandLineTakesSolutions()
    {
        Assert.True(RunnerCommandLine.Parse(["--solutions"]).Solutions);
        Assert.False(RunnerCommandLine.Parse([]).Solutions);
        Assert.Contains("--solutions", RunnerCommandLine.Usage);
    }

    [Fact]
    public void RelativeLinksFollowTheExecutedCopy()
    {
        var notebook = NotebookDocument.Load(Path.Combine(Repository.NotebooksFolder, "01-subset-sum-one-dimension.ipynb"));
        RelativeLinks.Rebase(notebook, Repository.NotebooksFolder, Path.Combine(Repository.Root, "artifacts", "notebooks"));
        string first = NotebookDocument.SourceOf((JsonObject)notebook.Cells[0]!);
        Assert.Contains("](../../docs/theory.md#1-random-subset-sum-in-one-dimension)", first);
        Assert.DoesNotContain("](../docs/", first);
    }
}
