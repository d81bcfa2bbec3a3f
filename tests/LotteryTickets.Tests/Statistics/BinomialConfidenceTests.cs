using LotteryTickets.Statistics;
using MathNet.Numerics.Distributions;

namespace LotteryTickets.Tests.Statistics;

public class BinomialConfidenceTests
{
    [Fact]
    public void Wilson_matches_published_values()
    {
        // 8 of 10 at 95%: Wilson [0.4902, 0.9433] (e.g. Newcombe 1998, and R's prop.test without correction).
        ProportionEstimate w = BinomialConfidence.Wilson(8, 10);
        Assert.Equal(0.8, w.Estimate);
        Assert.Equal(0.4902, w.Lower, 4);
        Assert.Equal(0.9433, w.Upper, 4);
        Assert.Equal(ConfidenceMethod.Wilson, w.Method);
    }

    [Fact]
    public void Clopper_pearson_matches_published_values_and_closed_forms()
    {
        // 8 of 10 at 95%: binom.test gives [0.4439045, 0.9747893].
        ProportionEstimate cp = BinomialConfidence.ClopperPearson(8, 10);
        Assert.Equal(0.4439045, cp.Lower, tolerance: 1e-7);
        Assert.Equal(0.9747893, cp.Upper, tolerance: 1e-7);
        // k = 0: upper = 1 - (alpha/2)^(1/n); k = n: lower = (alpha/2)^(1/n).
        Assert.Equal(1 - Math.Pow(0.025, 1.0 / 20), BinomialConfidence.ClopperPearson(0, 20).Upper, 9);
        Assert.Equal(0.0, BinomialConfidence.ClopperPearson(0, 20).Lower);
        Assert.Equal(Math.Pow(0.025, 1.0 / 20), BinomialConfidence.ClopperPearson(20, 20).Lower, 9);
        Assert.Equal(1.0, BinomialConfidence.ClopperPearson(20, 20).Upper);
    }

    [Fact]
    public void Wilson_is_symmetric_under_swapping_successes_and_failures()
    {
        for (int k = 0; k <= 25; k++)
        {
            ProportionEstimate a = BinomialConfidence.Wilson(k, 25, 0.9), b = BinomialConfidence.Wilson(25 - k, 25, 0.9);
            Assert.Equal(a.Lower, 1 - b.Upper, 12);
            Assert.InRange(a.Estimate, a.Lower, a.Upper);
        }
    }

    [Fact]
    public void Clopper_pearson_covers_at_least_the_nominal_level_exactly()
    {
        // Exact coverage: sum over k of P(k | n, p) for the k whose interval contains p.
        const int n = 30;
        ProportionEstimate[] intervals = [.. Enumerable.Range(0, n + 1).Select(k => BinomialConfidence.ClopperPearson(k, n))];
        for (double p = 0.01; p < 1; p += 0.01)
        {
            double coverage = 0;
            for (int k = 0; k <= n; k++)
                if (intervals[k].Contains(p)) coverage += Binomial.PMF(p, n, k);
            Assert.True(coverage >= 0.95 - 1e-9, $"p = {p}: coverage {coverage}");
        }
    }

    [Fact]
    public void Wider_confidence_gives_wider_intervals()
    {
        foreach (var method in Enum.GetValues<ConfidenceMethod>())
        {
            ProportionEstimate narrow = BinomialConfidence.Estimate(30, 100, method, 0.8);
            ProportionEstimate wide = BinomialConfidence.Estimate(30, 100, method, 0.99);
            Assert.True(wide.Lower < narrow.Lower && wide.Upper > narrow.Upper);
            Assert.Equal(method, wide.Method);
        }
        Assert.Equal(BinomialConfidence.ClopperPearson(3, 9), ProportionEstimate.ClopperPearson(3, 9));
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => BinomialConfidence.Wilson(0, 0)).ParamName);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => BinomialConfidence.Wilson(11, 10)).ParamName);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => BinomialConfidence.ClopperPearson(-1, 10)).ParamName);
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => BinomialConfidence.ClopperPearson(1, 10, 1.0)).ParamName);
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => BinomialConfidence.Wilson(1, 10, double.NaN)).ParamName);
    }
}
