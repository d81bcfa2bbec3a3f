namespace LotteryTickets.Exercises;

/// <summary>The grade of one exercise: which exercise, where its answer stands, and what the grader says.</summary>
/// <param name="Exercise">The exercise's number and short name, as in the notebook (for example "3. counting bound").</param>
/// <param name="Status">Not answered yet, wrong or right.</param>
/// <param name="Feedback">Why a wrong answer is wrong, or what a right answer shows; empty when not answered.</param>
public sealed record ExerciseGrade(string Exercise, GradeStatus Status, string Feedback)
{
    /// <summary>The answer is still the placeholder.</summary>
    public static ExerciseGrade NotAnswered(string exercise) => new(exercise, GradeStatus.NotAnswered, "");

    /// <summary>The answer is wrong <paramref name="because"/> (say what was expected of it, not the answer itself).</summary>
    public static ExerciseGrade Wrong(string exercise, string because) => new(exercise, GradeStatus.Wrong, because);

    /// <summary>The answer is right; <paramref name="note"/> may add what it shows.</summary>
    public static ExerciseGrade Right(string exercise, string note = "") => new(exercise, GradeStatus.Right, note);

    /// <summary>How the grade reads: "not answered yet", "wrong, because …" or "right".</summary>
    public string Verdict => Status switch
    {
        GradeStatus.NotAnswered => "not answered yet",
        GradeStatus.Wrong => "wrong, because " + Feedback,
        _ => Feedback.Length == 0 ? "right" : "right: " + Feedback,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Exercise}: {Verdict}";
}
