using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

public class SearchComparisonTests
{
    [Fact]
    public void Every_series_appears_where_it_applies_and_the_optimum_is_never_beaten()
    {
        var points = SearchComparison.Run([4], [12, 24, 48], instances: 3, seed: 5);
        string[] At(int m) => [.. points.Where(p => p.Candidates == m).Select(p => p.Series)];
        Assert.Equal([SearchComparison.Series.Exact, SearchComparison.Series.Local, SearchComparison.Series.Estimate, SearchComparison.Series.Counting], At(12));
        Assert.Contains(SearchComparison.Series.KTree, At(24));
        Assert.DoesNotContain(SearchComparison.Series.Exact, At(48));
        foreach (int m in new[] { 12, 24 })
        {
            double exact = points.Single(p => p.Candidates == m && p.Series == SearchComparison.Series.Exact).MedianError;
            // Same instances for every method: no median can fall below the median of the optima (an identity).
            Assert.All(points.Where(p => p.Candidates == m && p.MedianMilliseconds is not null), p => Assert.True(p.MedianError >= exact - 1e-12));
        }
        Assert.All(points, p => Assert.True(p.LowerQuartile <= p.MedianError && p.MedianError <= p.UpperQuartile));
        Assert.Equal(Math.Pow(2, -48 / 4.0), points.Single(p => p.Candidates == 48 && p.Series == SearchComparison.Series.Counting).MedianError, 15);
    }

    [Fact]
    public void Same_seed_same_errors()
    {
        var a = SearchComparison.Run([9], [20, 40], 2, 11);
        var b = SearchComparison.Run([9], [20, 40], 2, 11);
        Assert.Equal(a.Select(p => p.MedianError), b.Select(p => p.MedianError));
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("dimensions", Assert.Throws<ArgumentOutOfRangeException>(() => SearchComparison.Run([0], [8], 1, 1)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentOutOfRangeException>(() => SearchComparison.Run([2], [], 1, 1)).ParamName);
        Assert.Equal("instances", Assert.Throws<ArgumentOutOfRangeException>(() => SearchComparison.Run([2], [8], 0, 1)).ParamName);
        Assert.Equal("targetHalfWidth", Assert.Throws<ArgumentOutOfRangeException>(() => SearchComparison.Run([2], [8], 1, 1, double.NaN)).ParamName);
    }
}
