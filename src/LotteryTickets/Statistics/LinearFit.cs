using System.Globalization;

namespace LotteryTickets.Statistics;

/// <summary>
/// An ordinary least-squares line y ≈ Slope·x + Intercept through points (x_i, y_i):
/// Slope = Σ(x-x̄)(y-ȳ) / Σ(x-x̄)², Intercept = ȳ - Slope·x̄, R² = 1 - Σr²/Σ(y-ȳ)² with residuals
/// r_i = y_i - (Slope·x_i + Intercept). The workbook fits the empirical threshold n*(eps) against
/// log2(1/eps) with it: a slope near a constant and R² near 1 is Lueker's "n = O(log 1/eps)".
/// </summary>
/// <param name="Slope">The fitted slope.</param>
/// <param name="Intercept">The fitted intercept.</param>
/// <param name="RSquared">Coefficient of determination; 1 when the points lie on the line (also 1 when all y are equal).</param>
/// <param name="SlopeStandardError">Standard error of the slope, sqrt(Σr²/(m-2) / Σ(x-x̄)²); NaN with only two points.</param>
/// <param name="Residuals">The residuals y_i - ŷ_i, in input order.</param>
public sealed record LinearFit(double Slope, double Intercept, double RSquared, double SlopeStandardError, IReadOnlyList<double> Residuals)
{
    /// <summary>Number of points fitted.</summary>
    public int Count => Residuals.Count;

    /// <summary>The largest absolute residual.</summary>
    public double MaxAbsoluteResidual => Residuals.Count == 0 ? 0.0 : Residuals.Max(Math.Abs);

    /// <summary>The fitted value Slope·x + Intercept.</summary>
    /// <param name="x">Where to evaluate the line.</param>
    public double Predict(double x) => Slope * x + Intercept;

    /// <summary>Least-squares fit of <paramref name="ys"/> against <paramref name="xs"/>.</summary>
    /// <param name="xs">The x values (finite; at least two distinct).</param>
    /// <param name="ys">The y values (finite; same count as <paramref name="xs"/>).</param>
    /// <exception cref="ArgumentException">Counts differ, fewer than two points, all x equal, or a value is not finite.</exception>
    public static LinearFit Fit(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count)
            throw new ArgumentException($"xs and ys must have the same count; got {xs.Count} and {ys.Count}.", nameof(ys));
        int m = xs.Count;
        if (m < 2)
            throw new ArgumentException($"xs must hold at least 2 points to fit a line; got {m}.", nameof(xs));
        for (int i = 0; i < m; i++)
        {
            if (!double.IsFinite(xs[i]))
                throw new ArgumentException($"xs must be finite; xs[{i}] = {xs[i]}.", nameof(xs));
            if (!double.IsFinite(ys[i]))
                throw new ArgumentException($"ys must be finite; ys[{i}] = {ys[i]}.", nameof(ys));
        }

        double meanX = 0, meanY = 0;
        for (int i = 0; i < m; i++) { meanX += xs[i]; meanY += ys[i]; }
        meanX /= m;
        meanY /= m;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < m; i++)
        {
            double dx = xs[i] - meanX, dy = ys[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0)
            throw new ArgumentException($"xs must contain at least two distinct values; all are {xs[0]}.", nameof(xs));

        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        var residuals = new double[m];
        double ssr = 0;
        for (int i = 0; i < m; i++)
        {
            residuals[i] = ys[i] - (slope * xs[i] + intercept);
            ssr += residuals[i] * residuals[i];
        }
        double rSquared = syy == 0 ? 1.0 : Math.Max(0.0, 1.0 - ssr / syy);
        double slopeSe = m > 2 ? Math.Sqrt(ssr / (m - 2) / sxx) : double.NaN;
        return new LinearFit(slope, intercept, rSquared, slopeSe, residuals);
    }

    /// <summary>Reads like "y = 1.02·x + 5.31 (R² = 0.994, 6 points)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"y = {Slope:0.###}·x {(Intercept < 0 ? "-" : "+")} {Math.Abs(Intercept):0.###} (R² = {RSquared:0.####}, slope SE = {SlopeStandardError:0.###}, {Count} points)");
}
