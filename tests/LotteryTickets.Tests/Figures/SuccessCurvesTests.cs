using System.Text.Json;
using LotteryTickets.Charts;
using LotteryTickets.Figures;
using LotteryTickets.Statistics;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.Figures;

public class SuccessCurvesTests
{
    internal static string Json(Figure figure) => JsonSerializer.Serialize(figure.Spec(), FigureSpec.Json);

    private static Figure Empty() => Figure.Create("success", "n", "probability");

    [Fact]
    public void AddsTheBandThenTheCurveAsTheNotebooksDrewThemByHand()
    {
        var experiment = SubsetSumExperiment.Run(ValueDistribution.Uniform, maxN: 8, trials: 30, seed: 3);
        var curve = experiment.SuccessCurve(0.1);
        double[] ns = Enumerable.Range(1, 8).Select(n => (double)n).ToArray();
        var byHand = Empty()
            .Band(ns, curve.Select(p => p.Probability.Lower), curve.Select(p => p.Probability.Upper), name: "eps = 0.1: 95% CI")
            .Line(ns, curve.Select(p => p.Probability.Estimate), name: "eps = 0.1", markers: true);

        var helped = Empty().WithSuccessCurve(curve, name: "eps = 0.1");

        Assert.Equal(new[] { "eps = 0.1: 95% CI", "eps = 0.1" }, helped.TraceNames);
        Assert.Equal(Json(byHand), Json(helped));
    }

    [Fact]
    public void NamesTheBandAfterTheConfidenceLevelUnlessToldOtherwise()
    {
        var p = new[] { BinomialConfidence.Wilson(3, 10, 0.9), BinomialConfidence.Wilson(7, 10, 0.9) };
        Assert.Equal(new[] { "curve: 90% CI", "curve" }, Empty().WithSuccessCurve([1.0, 2.0], p, "curve").TraceNames);
        Assert.Equal(new[] { "my band", "curve" }, Empty().WithSuccessCurve([1.0, 2.0], p, "curve", bandName: "my band").TraceNames);
    }

    [Fact]
    public void RejectsCurvesItCannotDrawHonestly()
    {
        var mixed = new[] { BinomialConfidence.Wilson(3, 10, 0.9), BinomialConfidence.Wilson(7, 10, 0.95) };
        Assert.Contains("confidence level", Assert.Throws<ArgumentException>(() => Empty().WithSuccessCurve([1.0, 2.0], mixed, "c")).Message);
        Assert.Throws<ArgumentException>(() => Empty().WithSuccessCurve([], Array.Empty<ProportionEstimate>(), "c"));
        Assert.Throws<ArgumentException>(() => Empty().WithSuccessCurve([1.0], mixed, "c"));
        Assert.Throws<ArgumentException>(() => SuccessCurves.Chart("none", []));
    }

    [Fact]
    public void ChartsOneBandedCurvePerVectorExperimentNamedByItsDistribution()
    {
        var runs = new VectorSampler[] { VectorSampler.Gaussian(2), VectorSampler.Nsn(2) }
            .Select(s => VectorSubsetSumExperiment.Run(s, 0.5, 8, 10, seed: 1, TargetMode.RandomTarget)).ToArray();
        var byHand = Figure.Create("two laws", "n (vectors)", "success probability");
        foreach (var run in runs)
        {
            var curve = run.SuccessCurve();
            double[] x = curve.Select(p => (double)p.N).ToArray();
            byHand = byHand.Band(x, curve.Select(p => p.Probability.Lower), curve.Select(p => p.Probability.Upper), name: $"{run.Distribution}: 95% CI")
                           .Line(x, curve.Select(p => p.Probability.Estimate), name: run.Distribution, markers: true);
        }

        var chart = SuccessCurves.Chart("two laws", runs);

        Assert.Equal(4, chart.TraceNames.Count);
        Assert.Equal($"{runs[1].Distribution}: 95% CI", chart.TraceNames[2]);
        Assert.Equal(Json(byHand), Json(chart));
    }
}
