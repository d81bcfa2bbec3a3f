using LotteryTickets.Workbook;

namespace LotteryTickets.Tests;

public class ClaimChecksTests
{
    [Fact]
    public void PassingChecksReportWithoutThrowingAndShowOneRowEach()
    {
        var checks = new ClaimChecks();
        checks.Identity("radius never grows", 0, Bound.AtMost(0));
        checks.Empirical("median falls 8-fold", 415.4, Bound.AtLeast(8), failureProbability: 1e-9, basis: "binomial tail");
        checks.Identity("all decided", true, measured: "0 undecided", threshold: "none");

        checks.Report();   // outside a notebook kernel: nothing to display, nothing to throw

        Assert.True(checks.AllPassed);
        string html = checks.ToHtml();
        Assert.Equal(3, CountOf(html, "data-check=\"pass\""));
        Assert.Contains("why it rarely fails: binomial tail", html);
        Assert.Contains("empirical, fails for ≤ 1e-9 of seeds", html);
        Assert.Contains("3 of 3 pass (2 identities, 1 empirical)", checks.ToString());
        Assert.Contains("≥ 8", checks.Checks[1].Threshold);
        Assert.Equal("415.4", checks.Checks[1].Measured);
    }

    [Fact]
    public void AFailedCheckIsShownAndThrownWithItsMeasurementAndKind()
    {
        var checks = new ClaimChecks();
        checks.Identity("radius never grows", 0.25, Bound.AtMost(0));
        checks.Empirical("slope near 1", 0.5, Bound.Between(0.7, 2), failureProbability: 1e-4, basis: "resampling");
        checks.Identity("fine", 1, Bound.Equal(1));

        var e = Assert.Throws<ClaimChecksFailedException>(checks.Report);

        Assert.Equal(2, e.Failed.Count);
        Assert.StartsWith("2 of 3 checks failed", e.Message);
        Assert.Contains("radius never grows (measured 0.25, needs ≤ 0; an identity: this is a bug)", e.Message);
        Assert.Contains("slope near 1 (measured 0.5, needs in [0.7, 2]; empirical, fails for ≤ 1e-4 of seeds)", e.Message);
        Assert.Equal(2, CountOf(checks.ToHtml(), "data-check=\"fail\""));
        Assert.False(checks.AllPassed);
    }

    [Fact]
    public void NaNNeverPassesAndBoundsReadAsThresholds()
    {
        Assert.False(Bound.AtLeast(0).Holds(double.NaN));
        Assert.False(Bound.AtMost(0).Holds(double.NaN));
        Assert.True(Bound.Between(1, 2).Holds(1) && Bound.Between(1, 2).Holds(2) && !Bound.Between(1, 2).Holds(2.0000001));
        Assert.True(Bound.Equal(1.959964, 1e-6).Holds(1.9599639845));
        Assert.Equal("= 1.959964 ± 1e-6", Bound.Equal(1.959964, 1e-6).Text);
        Assert.Equal("in [0.6, 1.6]", Bound.Between(0.6, 1.6).ToString());
        var checks = new ClaimChecks();
        Assert.False(checks.Identity("not a number", double.NaN, Bound.AtLeast(0)).Passed);
    }

    [Fact]
    public void BadInputIsRejectedNamingWhatIsAllowed()
    {
        var checks = new ClaimChecks();
        var tooLikely = Assert.Throws<ArgumentOutOfRangeException>(() => checks.Empirical("often wrong", 1, Bound.AtLeast(0), failureProbability: 0.01, basis: "guess"));
        Assert.Equal("failureProbability", tooLikely.ParamName);
        Assert.Contains("at most 1e-3", tooLikely.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => checks.Empirical("no probability", 1, Bound.AtLeast(0), failureProbability: 0, basis: "guess"));
        Assert.Equal("basis", Assert.Throws<ArgumentException>(() => checks.Empirical("no reason", 1, Bound.AtLeast(0), 1e-4, basis: " ")).ParamName);
        Assert.Equal("claim", Assert.Throws<ArgumentException>(() => checks.Identity("", 1, Bound.AtLeast(0))).ParamName);
        Assert.Equal("lower", Assert.Throws<ArgumentException>(() => Bound.Between(2, 1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bound.AtLeast(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bound.Equal(1, -1));
        Assert.Contains("No claim was checked", Assert.Throws<InvalidOperationException>(checks.Report).Message);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
