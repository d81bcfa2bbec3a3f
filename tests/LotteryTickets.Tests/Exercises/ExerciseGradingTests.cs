using LotteryTickets.Exercises;

namespace LotteryTickets.Tests;

public class ExerciseGradingTests
{
    [Fact]
    public void NullIsNotAnsweredAndGradersNeverThrow()
    {
        Assert.Equal(GradeStatus.NotAnswered, ExerciseSheet.Number("1", null, 3, 0.01, "x").Status);
        Assert.Equal(GradeStatus.NotAnswered, ExerciseSheet.Grade<string>("1", null, _ => ExerciseGrade.Right("1")).Status);
        Func<double, int> throws = _ => throw new NotImplementedException("not yet");
        var grade = SubsetSumOneDimensionExercises.CountingBound(throws);
        Assert.Equal(GradeStatus.Wrong, grade.Status);
        Assert.Equal("wrong, because grading it threw NotImplementedException: not yet", grade.Verdict);
    }

    [Fact]
    public void NumbersAreGradedWithinTheirToleranceAndSayWhichWayTheyMiss()
    {
        Assert.Equal(GradeStatus.Right, ExerciseSheet.Number("2", 1.1315, 1.13153, 0.002, "the upper end").Status);
        var wrong = ExerciseSheet.Number("2", 0.97, 1.13153, 0.002, "the upper end");
        Assert.Equal(GradeStatus.Wrong, wrong.Status);
        Assert.Contains("0.97 is not the upper end", wrong.Feedback);
        Assert.Contains("too small", wrong.Feedback);
        Assert.Equal(GradeStatus.Wrong, ExerciseSheet.Number("2", double.NaN, 1, 0.1, "x").Status);
    }

    [Fact]
    public void TheHorizontalEdgeGraderTriesTheKernelOnBothImages()
    {
        Assert.Equal(GradeStatus.Right, SetupAndTourExercises.HorizontalEdge(new double[,] { { -1, -1, -1 }, { 0, 0, 0 }, { 1, 1, 1 } }).Status);
        var vertical = SetupAndTourExercises.HorizontalEdge(new double[,] { { -1, 0, 1 }, { -1, 0, 1 }, { -1, 0, 1 } });
        Assert.Equal(GradeStatus.Wrong, vertical.Status);
        Assert.Contains("also answers notebook 00's vertical edge", vertical.Feedback);
        var flipped = SetupAndTourExercises.HorizontalEdge(new double[,] { { 1, 1, 1 }, { 0, 0, 0 }, { -1, -1, -1 } });
        Assert.Contains("-3", flipped.Feedback);
        Assert.Contains("must be 3×3", SetupAndTourExercises.HorizontalEdge(new double[2, 2]).Feedback);
    }

    [Fact]
    public void TheCountingBoundGraderHandlesExactPowersOfTwo()
    {
        Func<double, int> right = eps => { int n = 0; while (Math.Pow(2, -n) > eps) n++; return n; };
        Func<double, int> ceilingOfLog = eps => (int)Math.Ceiling(Math.Log2(1 / eps));   // right too, also at 0.25 and 2^-10
        Func<double, int> offByOne = eps => (int)Math.Floor(Math.Log2(1 / eps)) + 1;    // wrong at exact powers of two
        Assert.Equal(GradeStatus.Right, SubsetSumOneDimensionExercises.CountingBound(right).Status);
        Assert.Equal(GradeStatus.Right, SubsetSumOneDimensionExercises.CountingBound(ceilingOfLog).Status);
        var wrong = SubsetSumOneDimensionExercises.CountingBound(offByOne);
        Assert.Equal(GradeStatus.Wrong, wrong.Status);
        Assert.Contains("at ε = 0.5 it returns 2", wrong.Feedback);
    }

    [Fact]
    public void TheSheetCountsAndShowsEveryGrade()
    {
        var sheet = SetupAndTourExercises.Grade(null, 1.13153, 9, false);
        Assert.Equal([GradeStatus.NotAnswered, GradeStatus.Right, GradeStatus.Wrong, GradeStatus.Right], sheet.Grades.Select(g => g.Status));
        Assert.Equal(2, sheet.Right);
        string html = sheet.ToHtml();
        Assert.Contains("data-grade=\"NotAnswered\"", html);
        Assert.Contains("data-grade=\"Wrong\"", html);
        Assert.Contains("2 of 4 right, 1 wrong, 1 not answered yet", sheet.ToString());
        Assert.Contains("3. counting bound at ε = 10⁻³: wrong, because 2^9 = 512 sums", sheet.ToString());
    }
}
