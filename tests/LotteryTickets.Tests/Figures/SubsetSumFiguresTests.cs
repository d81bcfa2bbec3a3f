using LotteryTickets.Charts;
using LotteryTickets.Figures;
using LotteryTickets.Statistics;
using LotteryTickets.SubsetSum;
using static LotteryTickets.Tests.Figures.SuccessCurvesTests;

namespace LotteryTickets.Tests.Figures;

public class SubsetSumFiguresTests
{
    [Fact]
    public void SumsOnTheLineDrawEveryPrefixsSortedSumsAndTheTargetInterval()
    {
        double[] sample = ScalarSampler.Sample(ValueDistribution.Uniform, 6, Seeds.Rng(4, 2));
        int[] ns = { 2, 4, 6 };

        var chart = SubsetSumFigures.SumsOnTheLine(sample, ns, "sums");

        var byHand = Figure.Create(title: "sums", xTitle: "subset sum", yTitle: "n (values used)");
        foreach (int n in ns)
        {
            double[] sums = SubsetSums.Sorted(sample[..n]);
            byHand = byHand.Points(sums, sums.Select(_ => (double)n), name: $"n = {n}: {sums.Length} sums");
        }
        byHand = byHand
            .Line(new[] { -1.0, -1.0 }, new[] { 1.5, 6.5 }, name: "target interval end z = -1", dash: true)
            .Line(new[] { 1.0, 1.0 }, new[] { 1.5, 6.5 }, name: "target interval end z = +1", dash: true);
        Assert.Equal(["n = 2: 4 sums", "n = 4: 16 sums", "n = 6: 64 sums", "target interval end z = -1", "target interval end z = +1"], chart.TraceNames);
        Assert.Equal(Json(byHand), Json(chart));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumFigures.SumsOnTheLine(sample, [7], "too long"));
        Assert.Throws<ArgumentException>(() => SubsetSumFigures.SumsOnTheLine(sample, [], "none"));
    }

    [Fact]
    public void LargestHoleShowsTheSumsNearTheSquareAndAnEmptySquareAroundTheWorstTarget()
    {
        double[][] plane = VectorSampler.Gaussian(2).Sample(6, Seeds.Rng(5, 2));
        var hole = GridCoverage.Bounds(plane, resolution: 0.01);

        var chart = SubsetSumFigures.LargestHole(plane, hole, "hole");

        Assert.Equal(["subset sums near the square", "targets [-1,1]²", $"largest hole (radius eps* = {hole.Lower:F3})", "worst target", "its nearest subset sum"],
            chart.TraceNames);
        string json = Json(chart);
        Assert.Contains("\"Width\":760", json.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
        // The naive oracle: no subset sum lies strictly inside the drawn hole (max-norm), and the nearest one is at its radius.
        foreach (double[] s in VectorSubsetSum.AllSums(plane))
            Assert.True(Math.Max(Math.Abs(s[0] - hole.WorstTarget[0]), Math.Abs(s[1] - hole.WorstTarget[1])) >= hole.Lower - 1e-12);
        Assert.Throws<ArgumentException>(() => SubsetSumFigures.LargestHole(VectorSampler.Gaussian(3).Sample(4, Seeds.Rng(5, 2)), hole, "3-D"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumFigures.LargestHole(plane, hole, "small window", window: 0.5));
    }

    [Fact]
    public void SuccessHeatmapHoldsEachExperimentsSuccessRateAtEveryN()
    {
        int[] dims = { 1, 2 };
        var runs = dims.Select(d => VectorSubsetSumExperiment.Run(VectorSampler.Gaussian(d), 0.5, 8, 10, seed: 2, TargetMode.RandomTarget)).ToArray();

        var chart = SubsetSumFigures.SuccessHeatmap(runs, "panel", "P(one target)");

        var z = new double[2, 8];
        for (int r = 0; r < 2; r++)
            for (int n = 1; n <= 8; n++) z[r, n - 1] = runs[r].SuccessProbability(n).Estimate;
        var byHand = Figure.Create(title: "panel", xTitle: "n (vectors)", yTitle: "d (dimension)")
            .Heatmap(Enumerable.Range(1, 8).Select(n => (double)n), dims.Select(d => (double)d), z, name: "P(one target)", colorTitle: "success");
        Assert.Equal(Json(byHand), Json(chart));
        var shorter = VectorSubsetSumExperiment.Run(VectorSampler.Gaussian(3), 0.5, 6, 10, seed: 2, TargetMode.RandomTarget);
        Assert.Contains("same n", Assert.Throws<ArgumentException>(() => SubsetSumFigures.SuccessHeatmap([runs[0], shorter], "p", "n")).Message);
    }
}
