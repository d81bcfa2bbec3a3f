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
/// Every notebook runs with one seed other than the default (00 draws no random numbers; its seed changes nothing), so
/// each notebook's checks are tried on two seeds in all. 05 runs on the 2×2 target: on the 3×3 default any seed but the
/// committed ticket's builds a kernel ticket at n = 384, minutes of search; its 3×3 checks run at the default seed.
/// Added test time: about 6 minutes on 2 cores under load (00–03 with one seed each; 04 about 30 s, 05 on the 2×2
/// target about 55 s, 06 about 30 s, 07 a minute or two, most of it the constructed ticket, 08 about 74 s).
/// </para>
/// </summary>
public partial class GradedNotebookTests
{
    public static TheoryData<string, int, string> Runs() => new()
    {
        { "00-setup-and-tour.ipynb", 7, "" },
        { "01-subset-sum-one-dimension.ipynb", 1, "" },
        { "02-subset-sum-many-dimensions.ipynb", 2, "" },
        { "03-structure-costs-samples.ipynb", 1, "" },
        { "04-one-layer-ticket.ipynb", 1, "" },
        { "05-network-ticket.ipynb", 1, "targetName=\"fashion-mnist-2x2\"" },
        { "06-inference-timing.ipynb", 1, "" },
        { "07-learned-against-constructed.ipynb", 1, "" },
        { "08-theorem-against-measurement.ipynb", 1, "" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task TeachersVersionPassesItsChecksAndEveryExerciseIsRight(string notebook, int seed, string parameter)
    {
        var parameters = new Dictionary<string, string> { ["seed"] = seed.ToString(CultureInfo.InvariantCulture) };
        if (parameter.Length > 0) parameters[parameter[..parameter.IndexOf('=')]] = parameter[(parameter.IndexOf('=') + 1)..];
        var options = new NotebookRunOptions
        {
            OutputFolder = Repository.OutputFolder($"graded-{Path.GetFileNameWithoutExtension(notebook)}-seed{seed}"),
            Parameters = parameters,
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
