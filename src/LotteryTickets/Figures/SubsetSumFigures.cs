using System.Globalization;
using LotteryTickets.Charts;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Figures;

/// <summary>
/// The pictures of random subset sums that notebooks 01 and 02 draw: the subset sums of a sample on the line, the
/// largest hole they leave in the square, and success probabilities over (n, d) as a heatmap. Each method computes
/// only what it draws (the sums, the grid of estimates); the experiments and the bounds come from the notebook, which
/// also names what the chart shows in its title.
/// </summary>
public static class SubsetSumFigures
{
    /// <summary>
    /// All 2ⁿ subset sums of the first n values of <paramref name="sample"/>, one row of dots per n in
    /// <paramref name="ns"/> (at height n), and the ends of the target interval [−1, 1] as dashed vertical lines.
    /// The rows show how the sums double with every added value while the gaps between them shrink.
    /// </summary>
    /// <param name="sample">The values, X₁ … X_m.</param>
    /// <param name="ns">The prefix lengths to draw, each between 1 and the sample's length (about 12 at most: 2ⁿ dots per row).</param>
    /// <param name="title">What the sample is, for example "All subset sums of the first n values of one U[-1,1] sample".</param>
    /// <returns>The chart, with x axis "subset sum" and y axis "n (values used)".</returns>
    /// <exception cref="ArgumentException">No prefix lengths, or one outside 1..sample length.</exception>
    public static Figure SumsOnTheLine(double[] sample, IReadOnlyList<int> ns, string title)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(ns);
        if (ns.Count == 0) throw new ArgumentException("Give at least one prefix length n; got none.", nameof(ns));
        foreach (int n in ns)
            if (n < 1 || n > sample.Length)
                throw new ArgumentOutOfRangeException(nameof(ns), n, $"Every n must be between 1 and the sample's length {sample.Length}; got {n}.");
        var chart = Figure.Create(title: title, xTitle: "subset sum", yTitle: "n (values used)");
        foreach (int n in ns)
        {
            double[] sums = SubsetSums.Sorted(sample[..n]);
            chart = chart.Points(sums, sums.Select(_ => (double)n), name: Invariant($"n = {n}: {sums.Length} sums"));
        }
        double[] span = { ns.Min() - 0.5, ns.Max() + 0.5 };
        return chart
            .Line(new[] { -1.0, -1.0 }, span, name: "target interval end z = -1", dash: true)
            .Line(new[] { 1.0, 1.0 }, span, name: "target interval end z = +1", dash: true);
    }

    /// <summary>
    /// The subset sums of vectors in the plane that fall near the square of targets [−1, 1]², the square itself, and
    /// the largest hole found by <see cref="GridCoverage.Bounds"/>: a dashed square of half-side eps* (its lower bound)
    /// around the worst target, which holds no sum, and the nearest sum on its border (max-norm).
    /// </summary>
    /// <param name="vectors">The vectors, each of dimension 2 (2ⁿ sums are drawn: keep n to about 14).</param>
    /// <param name="hole">The bounds on the coverage radius of these vectors, from <see cref="GridCoverage.Bounds"/>.</param>
    /// <param name="title">What the chart shows, for example "12 Gaussian vectors: 4096 subset sums and the largest hole".</param>
    /// <param name="window">Sums with a coordinate beyond ±<paramref name="window"/> are left out (they lie far from every target).</param>
    /// <returns>The chart, 760 × 560 pixels, with axes "coordinate 1" and "coordinate 2".</returns>
    /// <exception cref="ArgumentException">No vectors, a vector not of dimension 2, a hole not in the plane, or a window below 1.</exception>
    public static Figure LargestHole(IReadOnlyList<double[]> vectors, CoverageBounds hole, string title, double window = 1.6)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(hole);
        if (vectors.Count == 0) throw new ArgumentException("Give at least one vector; got none.", nameof(vectors));
        if (vectors.Any(v => v is null || v.Length != 2))
            throw new ArgumentException("The picture is of the plane: every vector must have dimension 2.", nameof(vectors));
        if (hole.WorstTarget.Length != 2 || hole.NearestSum.Length != 2)
            throw new ArgumentException($"The hole must lie in the plane; its worst target has dimension {hole.WorstTarget.Length}.", nameof(hole));
        if (!(window >= 1) || double.IsInfinity(window))
            throw new ArgumentOutOfRangeException(nameof(window), window, "window must be a finite number of at least 1 (the square's half-side).");
        double[][] sums = VectorSubsetSum.AllSums(vectors).Where(s => Math.Abs(s[0]) <= window && Math.Abs(s[1]) <= window).ToArray();
        return Figure.Create(title: title, xTitle: "coordinate 1", yTitle: "coordinate 2")
            .Points(sums.Select(s => s[0]), sums.Select(s => s[1]), name: "subset sums near the square")
            .Line(SquareX(0, 1), SquareY(0, 1), name: "targets [-1,1]²")
            .Line(SquareX(hole.WorstTarget[0], hole.Lower), SquareY(hole.WorstTarget[1], hole.Lower),
                name: Invariant($"largest hole (radius eps* = {hole.Lower:F3})"), dash: true)
            .Points(new[] { hole.WorstTarget[0] }, new[] { hole.WorstTarget[1] }, name: "worst target")
            .Points(new[] { hole.NearestSum[0] }, new[] { hole.NearestSum[1] }, name: "its nearest subset sum")
            .Size(760, 560);
    }

    /// <summary>
    /// The success probability of vector experiments over (n, d) as a heatmap: row r is experiment r (at its dimension),
    /// column n its estimated P(success with n vectors) for n = 1..MaxN. The band where the colour switches from
    /// failure to success is the threshold n*(d).
    /// </summary>
    /// <param name="runs">Experiments at increasing dimensions, all with the same MaxN (one row each).</param>
    /// <param name="title">The panel's title, for example "every target in [-1,1]^d within eps".</param>
    /// <param name="name">The trace's name, for example "P(every target)".</param>
    /// <returns>The chart, with axes "n (vectors)" and "d (dimension)" and colour scale "success".</returns>
    /// <exception cref="ArgumentException">No experiments, or experiments with different MaxN.</exception>
    public static Figure SuccessHeatmap(IReadOnlyList<VectorSubsetSumExperiment> runs, string title, string name)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("A heatmap needs at least one experiment; got none.", nameof(runs));
        int maxN = runs[0].MaxN;
        if (runs.Any(r => r.MaxN != maxN))
            throw new ArgumentException($"Every row must cover the same n; got MaxN {string.Join(", ", runs.Select(r => r.MaxN))}.", nameof(runs));
        var z = new double[runs.Count, maxN];
        for (int r = 0; r < runs.Count; r++)
            for (int n = 1; n <= maxN; n++) z[r, n - 1] = runs[r].SuccessProbability(n).Estimate;
        return Figure.Create(title: title, xTitle: "n (vectors)", yTitle: "d (dimension)")
            .Heatmap(Enumerable.Range(1, maxN).Select(n => (double)n), runs.Select(r => (double)r.Dimension), z, name: name, colorTitle: "success");
    }

    private static double[] SquareX(double cx, double r) => new[] { cx - r, cx + r, cx + r, cx - r, cx - r };

    private static double[] SquareY(double cy, double r) => new[] { cy - r, cy - r, cy + r, cy + r, cy - r };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
