using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Workbook;

/// <summary>
/// The teacher's version of the notebooks, run with seeds other than the default: every checks cell passes (the
/// empirical claims hold for more than the one seed the workbook runs with) and every exercise is graded right (the
/// solutions are right for any seed, since seed-dependent answers are computed from the run's own numbers). The
/// student's version, at the default seed, runs in <see cref="Runner.WorkbookNotebookTests"/>, where every exercise must
/// say "not answered yet".
/// <para>
/// Fast notebooks (00–02, under a minute each) run with two more seeds each (00 with one: it draws no random numbers);
/// 03 (about a minute) with one, and so do 07 (a minute or two, most of it the constructed ticket) and 08 (74 s at
/// load 15, less on a quiet machine). Added test time: about 5 minutes on 2 cores.
/// </para>
/// </summary>
public partial class GradedNotebookTests
{
    public static TheoryData<string, int> Runs() => new()
    {
        { "00-setup-and-tour.ipynb", 7 },
        { "01-subset-sum-one-dimension.ipynb", 1 },
        { "01-subset-sum-one-dimension.ipynb", 2 },
        { "02-subset-sum-many-dimensions.ipynb", 1 },
        { "02-subset-sum-many-dimensions.ipynb", 2 },
        { "03-structure-costs-samples.ipynb", 1 },
        { "07-learned-against-constructed.ipynb", 1 },
        { "08-theorem-against-measurement.ipynb", 1 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task TeachersVersionPassesItsChecksAndEveryExerciseIsRight(string notebook, int seed)
    {
        var options = new NotebookRunOptions
        {
            OutputFolder = Repository.OutputFolder($"graded-{Path.GetFileNameWithoutExtension(notebook)}-seed{seed}"),
            Parameters = new Dictionary<string, string> { ["seed"] = seed.ToString(CultureInfo.InvariantCulture) },
            Solutions = true,
        };
        var result = await NotebookRunner.RunAsync(Path.Combine(Repository.NotebooksFolder, notebook), options);
        Assert.True(result.Succeeded, $"{notebook}, seed {seed}, teacher's version: {result.Failure}");
        var grades = Grades(result.ExecutedPath);
        Assert.True(grades.Count > 0, $"{notebook}: no graded exercises in the executed notebook.");
        var notRight = grades.Where(g => g.Status != "Right").ToArray();
        Assert.True(notRight.Length == 0, $"{notebook}, seed {seed}: solutions not graded right: {string.Join("; ", notRight.Select(g => g.Row))}");
    }

    /// <summary>The grades an executed notebook shows: status (NotAnswered, Wrong, Right) and the row's text.</summary>
    internal static IReadOnlyList<(string Status, string Row)> Grades(string executedPath)
    {
        var grades = new List<(string, string)>();
        foreach (var cell in ((JsonArray)JsonNode.Parse(File.ReadAllText(executedPath))!["cells"]!).OfType<JsonObject>())
            foreach (var output in cell["outputs"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var html = output["data"]?["text/html"];
                string text = html switch { JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())), JsonValue v => v.GetValue<string>(), _ => "" };
                foreach (Match row in GradeRow().Matches(text))
                    grades.Add((row.Groups["status"].Value, Regex.Replace(row.Groups["row"].Value, "<[^>]+>", " ").Trim()));
            }
        return grades;
    }

    [GeneratedRegex(@"<tr data-grade=""(?<status>\w+)"">(?<row>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex GradeRow();
}
