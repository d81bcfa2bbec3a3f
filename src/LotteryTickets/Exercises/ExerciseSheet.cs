using System.Net;
using System.Text;
using LotteryTickets.Charts;

namespace LotteryTickets.Exercises;

/// <summary>
/// The grades of a notebook's exercises, shown as a table (exercise, grade). Grading never throws: a wrong or
/// missing answer is reported, and the notebook runs on. A grader whose answer is a function calls it inside
/// <c>Grade</c>, so a function that throws is graded "wrong, because it threw …".
/// </summary>
public sealed class ExerciseSheet : HtmlView
{
    /// <summary>A sheet of grades for notebook <paramref name="notebook"/> (for example "00 · setup and tour").</summary>
    public ExerciseSheet(string notebook, IEnumerable<ExerciseGrade> grades)
    {
        Notebook = notebook ?? throw new ArgumentNullException(nameof(notebook));
        Grades = grades?.ToArray() ?? throw new ArgumentNullException(nameof(grades));
    }

    /// <summary>The notebook these exercises belong to.</summary>
    public string Notebook { get; }

    /// <summary>One grade per exercise, in order.</summary>
    public IReadOnlyList<ExerciseGrade> Grades { get; }

    /// <summary>Exercises graded right.</summary>
    public int Right => Grades.Count(g => g.Status == GradeStatus.Right);

    /// <summary>
    /// Grades one exercise: "not answered yet" when <paramref name="answer"/> is null, otherwise whatever
    /// <paramref name="grade"/> decides; an exception thrown while grading (for example by a student's function)
    /// is reported as a wrong answer rather than stopping the notebook.
    /// </summary>
    public static ExerciseGrade Grade<T>(string exercise, T? answer, Func<T, ExerciseGrade> grade) where T : class
    {
        if (answer is null) return ExerciseGrade.NotAnswered(exercise);
        return Try(exercise, () => grade(answer));
    }

    /// <summary>The same for value answers (int?, double?, bool?, enums).</summary>
    public static ExerciseGrade Grade<T>(string exercise, T? answer, Func<T, ExerciseGrade> grade) where T : struct
    {
        if (answer is not { } value) return ExerciseGrade.NotAnswered(exercise);
        return Try(exercise, () => grade(value));
    }

    /// <summary>Grades a number against the expected value within a relative tolerance.</summary>
    /// <param name="exercise">The exercise.</param>
    /// <param name="answer">The student's number, null while not answered.</param>
    /// <param name="expected">The right value (computed by the grader from the notebook's own measurements when they depend on the seed).</param>
    /// <param name="relativeTolerance">Allowed relative difference (0.01: within 1 %).</param>
    /// <param name="what">What the number is, for the feedback (for example "the Wald interval's upper end").</param>
    public static ExerciseGrade Number(string exercise, double? answer, double expected, double relativeTolerance, string what) =>
        Grade(exercise, answer, a =>
        {
            double allowed = relativeTolerance * Math.Max(Math.Abs(expected), 1e-300);
            if (double.IsNaN(a)) return ExerciseGrade.Wrong(exercise, $"{what} must be a number, not NaN.");
            if (Math.Abs(a - expected) <= allowed) return ExerciseGrade.Right(exercise);
            return ExerciseGrade.Wrong(exercise, $"{a:G4} is not {what} (off by more than {relativeTolerance:P0}; it is {(a > expected ? "too large" : "too small")}).");
        });

    /// <summary>The sheet as HTML: one row per exercise with its grade, coloured by status.</summary>
    public override string ToHtml()
    {
        const string cell = "border:1px solid #ccc;padding:2px 8px;vertical-align:top";
        var html = new StringBuilder("<table class=\"lottery-exercises\" style=\"border-collapse:collapse\">");
        html.Append("<caption style=\"text-align:left;font-weight:bold\">").Append(WebUtility.HtmlEncode(Summary)).Append("</caption>");
        html.Append($"<thead><tr><th style=\"{cell}\">exercise</th><th style=\"{cell}\">grade</th></tr></thead><tbody>");
        foreach (var g in Grades)
        {
            string colour = g.Status switch { GradeStatus.Right => "#1a7f37", GradeStatus.Wrong => "#cf222e", _ => "#666" };
            html.Append($"<tr data-grade=\"{g.Status}\"><td style=\"{cell}\">").Append(WebUtility.HtmlEncode(g.Exercise))
                .Append($"</td><td style=\"{cell};color:{colour}\">").Append(WebUtility.HtmlEncode(g.Verdict)).Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>One line per exercise: "exercise: grade".</summary>
    public override string ToString() => Summary + Environment.NewLine + string.Join(Environment.NewLine, Grades);

    private string Summary =>
        $"Exercises of {Notebook}: {Right} of {Grades.Count} right, {Grades.Count(g => g.Status == GradeStatus.Wrong)} wrong, {Grades.Count(g => g.Status == GradeStatus.NotAnswered)} not answered yet";

    private static ExerciseGrade Try(string exercise, Func<ExerciseGrade> grade)
    {
        try
        {
            return grade();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ExerciseGrade.Wrong(exercise, $"grading it threw {e.GetType().Name}: {e.Message}");
        }
    }
}
