using System.Globalization;
using LotteryTickets.Charts;
using LotteryTickets.Statistics;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Figures;

/// <summary>
/// Success probabilities drawn the way the workbook always draws them: for each curve, first the confidence band
/// (shaded between the interval's ends), then the point estimates as a line with markers, so that the band takes the
/// curve's colour. An estimate from a few dozen trials is only as good as its interval: drawing the band next to
/// every curve lets a reader see whether two curves really differ.
/// <code>
/// var chart = Figure.Create(title: "P(eps* &lt;= eps)", xTitle: "n", yTitle: "success probability");
/// foreach (double eps in new[] { 0.1, 0.01 })
///     chart = chart.WithSuccessCurve(experiment.SuccessCurve(eps), name: $"eps = {eps}");
/// </code>
/// </summary>
public static class SuccessCurves
{
    /// <summary>
    /// Adds one success curve to <paramref name="figure"/>: a band between the intervals' lower and upper ends,
    /// named <paramref name="bandName"/> (by default "<paramref name="name"/>: 95% CI", the level read from the
    /// estimates), then the estimates as a line with markers named <paramref name="name"/>.
    /// </summary>
    /// <param name="figure">The chart to add to (a single chart, not a grid).</param>
    /// <param name="x">The x value of each estimate, for example the number of samples n.</param>
    /// <param name="probabilities">One estimate with its confidence interval per x value.</param>
    /// <param name="name">The legend entry of the curve.</param>
    /// <param name="bandName">The legend entry of the band; null for "<paramref name="name"/>: 95% CI".</param>
    /// <returns>A new figure with the band and the curve added last.</returns>
    /// <exception cref="ArgumentException">No estimates, x and estimates of different lengths, or estimates at different confidence levels.</exception>
    public static Figure WithSuccessCurve(this Figure figure, IEnumerable<double> x, IEnumerable<ProportionEstimate> probabilities, string name,
        string? bandName = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var p = probabilities?.ToArray() ?? throw new ArgumentNullException(nameof(probabilities));
        if (p.Length == 0) throw new ArgumentException("A success curve needs at least one estimate; got none.", nameof(probabilities));
        if (p.Any(e => e.Confidence != p[0].Confidence))
            throw new ArgumentException(
                $"The estimates of one curve must share a confidence level; got {string.Join(", ", p.Select(e => e.Confidence).Distinct())}.", nameof(probabilities));
        var xs = x?.ToArray() ?? throw new ArgumentNullException(nameof(x));
        return figure
            .Band(xs, p.Select(e => e.Lower), p.Select(e => e.Upper), name: bandName ?? BandName(name, p[0].Confidence))
            .Line(xs, p.Select(e => e.Estimate), name: name, markers: true);
    }

    /// <summary>
    /// Adds one success-versus-n curve (as returned by <see cref="SubsetSumExperiment.SuccessCurve"/> or
    /// <see cref="VectorSubsetSumExperiment.SuccessCurve"/>) with its band "<paramref name="name"/>: 95% CI".
    /// </summary>
    /// <param name="figure">The chart to add to.</param>
    /// <param name="curve">The points of the curve; their n is the x value.</param>
    /// <param name="name">The legend entry of the curve.</param>
    /// <returns>A new figure with the band and the curve added last.</returns>
    public static Figure WithSuccessCurve(this Figure figure, IReadOnlyList<SuccessPoint> curve, string name)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return figure.WithSuccessCurve(curve.Select(p => (double)p.N), curve.Select(p => p.Probability), name);
    }

    /// <summary>
    /// A chart of the success probability against n of several vector experiments, one curve with its 95% band per
    /// experiment, each named after the experiment's distribution (for example Gaussian against NSN vectors at equal d).
    /// </summary>
    /// <param name="title">What the chart compares.</param>
    /// <param name="runs">The experiments, in legend order.</param>
    /// <returns>The chart, with x axis "n (vectors)" and y axis "success probability".</returns>
    /// <exception cref="ArgumentException">No experiments.</exception>
    public static Figure Chart(string title, IEnumerable<VectorSubsetSumExperiment> runs)
    {
        var list = runs?.ToArray() ?? throw new ArgumentNullException(nameof(runs));
        if (list.Length == 0) throw new ArgumentException("A success chart needs at least one experiment; got none.", nameof(runs));
        var chart = Figure.Create(title: title, xTitle: "n (vectors)", yTitle: "success probability");
        foreach (var run in list)
            chart = chart.WithSuccessCurve(run.SuccessCurve(), name: run.Distribution);
        return chart;
    }

    private static string BandName(string name, double confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: {Math.Round(confidence * 100, 6):G}% CI");
}
