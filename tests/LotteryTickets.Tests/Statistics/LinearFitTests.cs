using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Statistics;

public class LinearFitTests
{
    [Fact]
    public void Points_on_a_line_are_fitted_exactly()
    {
        LinearFit fit = LinearFit.Fit([1, 2, 3, 4], [5, 7, 9, 11]);
        Assert.Equal(2, fit.Slope, 12);
        Assert.Equal(3, fit.Intercept, 12);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.Equal(0, fit.SlopeStandardError, 12);
        Assert.All(fit.Residuals, r => Assert.Equal(0, r, 12));
        Assert.Equal(13, fit.Predict(5), 12);
    }

    [Fact]
    public void Textbook_example()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: slope 0.6, intercept 2.2, R² = 0.6, SE(slope) = sqrt(2.4/3/10).
        LinearFit fit = LinearFit.Fit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(0.6, fit.Slope, 12);
        Assert.Equal(2.2, fit.Intercept, 12);
        Assert.Equal(0.6, fit.RSquared, 12);
        Assert.Equal(Math.Sqrt(0.08), fit.SlopeStandardError, 12);
        Assert.Equal(5, fit.Count);
        Assert.Equal(1.0, fit.MaxAbsoluteResidual, 12); // residuals -0.8, 0.6, 1.0, -0.6, -0.2
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        Assert.Equal("ys", Assert.Throws<ArgumentException>(() => LinearFit.Fit([1, 2], [1])).ParamName);
        Assert.Equal("xs", Assert.Throws<ArgumentException>(() => LinearFit.Fit([1], [1])).ParamName);
        Assert.Equal("xs", Assert.Throws<ArgumentException>(() => LinearFit.Fit([2, 2, 2], [1, 2, 3])).ParamName);
        Assert.Equal("xs", Assert.Throws<ArgumentException>(() => LinearFit.Fit([1, double.NaN], [1, 2])).ParamName);
        Assert.Equal("ys", Assert.Throws<ArgumentException>(() => LinearFit.Fit([1, 2], [1, double.PositiveInfinity])).ParamName);
    }
}
