using LotteryTickets.Charts;
using LotteryTickets.Exercises;
using LotteryTickets.Workbook;
using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Tests.Charts;

/// <summary>
/// What a notebook shows of the checks table and the exercise sheet comes from the one formatter declared on
/// <see cref="HtmlView"/>: notebook hosts find it through the inherited attribute and prefer its HTML.
/// </summary>
public class HtmlViewTests
{
    public static TheoryData<HtmlView> Views()
    {
        var checks = new ClaimChecks();
        checks.Identity("one plus one is two", 1 + 1, Bound.Equal(2));
        var sheet = new ExerciseSheet("00 · test", [ExerciseGrade.NotAnswered("exercise 1")]);
        return new TheoryData<HtmlView>(checks, sheet);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void HostsShowTheViewsHtmlAndText(HtmlView view)
    {
        Assert.Equal(view.ToHtml(), view.ToDisplayString("text/html"));
        Assert.Equal(view.ToString(), view.ToDisplayString("text/plain"));
        Assert.Contains("text/html", Formatter.GetPreferredMimeTypesFor(view.GetType()));
    }

    [Fact]
    public void ShowOutsideANotebookDoesNothing()
    {
        var checks = new ClaimChecks();
        checks.Identity("one plus one is two", 1 + 1, Bound.Equal(2));
        checks.Show();
        checks.Report();
    }
}
