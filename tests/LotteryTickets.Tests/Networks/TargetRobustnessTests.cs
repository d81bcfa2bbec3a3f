using LotteryTickets.Networks;

namespace LotteryTickets.Tests.Networks;

public sealed class TargetRobustnessTests
{
    private static readonly TargetArchitecture Small = new(1, 12,
        [new ConvLayerSpec(1, 4, 3, 1, 1), new ConvLayerSpec(4, 6, 3, 2, 0), new ConvLayerSpec(6, 10, 3, 1, 0)], InputNonNegative: true);

    [Theory]
    [InlineData(KernelNoise.Uniform)]
    [InlineData(KernelNoise.Corners)]
    public void NoiseMovesEveryEntryByAtMostEtaAndIsReproducible(KernelNoise noise)
    {
        var target = TargetCnn.RandomUniform(Small, 3, maxAbs: 0.5);
        const double eta = 0.03;
        var a = TargetRobustness.Perturbed(target, eta, 11, noise);
        var b = TargetRobustness.Perturbed(target, eta, 11, noise);
        var c = TargetRobustness.Perturbed(target, eta, 12, noise);
        for (int l = 0; l < target.Kernels.Count; l++)
        {
            Assert.Equal(a.Kernels[l], b.Kernels[l]);
            Assert.NotEqual(a.Kernels[l], c.Kernels[l]);
            var moves = target.Kernels[l].Zip(a.Kernels[l], (w, p) => Math.Abs((double)p - w)).ToArray();
            Assert.All(moves, m => Assert.True(m <= eta + 1e-6, $"moved by {m}"));
            if (noise == KernelNoise.Corners) Assert.All(moves, m => Assert.Equal(eta, m, 5));
            else Assert.True(moves.Average() is > 0.3 * eta and < 0.7 * eta, $"mean move {moves.Average()}");
        }
        Assert.Equal(target.Kernels[1], TargetRobustness.Perturbed(target, 0, 5, noise).Kernels[1]);
    }

    [Fact]
    public void ScalingToTheUnitBallUsesTheBallAndScalesScoresByOneFactor()
    {
        var target = TargetCnn.RandomUniform(Small, 4, maxAbs: 0.4).Scaled([0.5, 1.0, 0.25]);
        var scaled = TargetRobustness.ScaledToUnitBall(target);
        Assert.All(TargetRobustness.LayerMaxAbs(scaled), m => Assert.Equal(1.0, m, 6));
        double factor = TargetRobustness.UnitBallScales(target).Aggregate(1.0, (p, f) => p * f);
        using var inputs = NetworkEvaluation.RandomInputs(target.ToNetwork(), 64, 9);
        float[] before = NetworkEvaluation.Scores(target.ToNetwork(), inputs), after = NetworkEvaluation.Scores(scaled.ToNetwork(), inputs);
        double sup = before.Max(v => Math.Abs(v));
        for (int i = 0; i < before.Length; i++) Assert.True(Math.Abs(after[i] / factor - before[i]) <= 1e-5 * sup, $"score {i}: {after[i] / factor} vs {before[i]}");
    }

    [Fact]
    public void MeasureGivesOneRowPerEtaWithTheCleanAccuracyAtZero()
    {
        var images = SyntheticImages.Create(60, 5, 12);
        var target = TargetCnn.RandomUniform(Small, 6);
        var rows = TargetRobustness.Measure(target, images, [0, 0.5], noiseSeeds: 3, seed: 1);
        Assert.Equal([0, 0.5], rows.Select(r => r.Eta));
        Assert.All(rows, r => Assert.Equal(3, r.Accuracies.Count));
        Assert.All(rows[0].Accuracies, a => Assert.Equal(rows[0].CleanAccuracy, a));
        Assert.Equal(0, rows[0].MeanDropPoints, 9);
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        var target = TargetCnn.RandomUniform(Small, 7);
        Assert.Equal("eta", Assert.Throws<ArgumentOutOfRangeException>(() => TargetRobustness.Perturbed(target, -0.1, 1)).ParamName);
        Assert.Equal("eta", Assert.Throws<ArgumentOutOfRangeException>(() => TargetRobustness.Perturbed(target, double.NaN, 1)).ParamName);
        Assert.Equal("noiseSeeds", Assert.Throws<ArgumentOutOfRangeException>(() => TargetRobustness.Measure(target, SyntheticImages.Create(4, 1, 12), [0.1], 0, 1)).ParamName);
    }
}
