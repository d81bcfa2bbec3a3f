using LotteryTickets.Learning;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Learning.LearningFixtures;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Learning;

public sealed class EdgePopupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("learned-mask-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly EdgePopupOptions Quick = new(Seed: 3, Epochs: 1, BatchSize: 32, LearningRate: 0.05);

    public static TheoryData<MaskGranularity, bool> Cases()
    {
        var data = new TheoryData<MaskGranularity, bool>();
        foreach (var g in Granularities) { data.Add(g, true); data.Add(g, false); }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainingNetworkComputesTheMaskedRandomNetworkUpToItsScale(MaskGranularity granularity, bool nonNegative)
    {
        var random = RandomNetwork.Create(nonNegative ? TwoLayers : TwoLayersSigned, 4, seed: 5);
        var layout = UnitLayout.Of(random, granularity);
        using var network = new ScoredNetwork(layout, Quarter(random, granularity), seed: 6);
        var masked = layout.ToMask(network.KeptUnits()).Apply(random);
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(masked, 16, seed: 7);
        float[] expected = NetworkEvaluation.Scores(masked, inputs);
        float[] actual;
        using (no_grad()) actual = network.Forward(inputs).reshape(-1).data<float>().ToArray();
        double largest = expected.Max(v => Math.Abs((double)v));
        Assert.True(largest > 0, "the masked network should not output only zeros here");
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(actual[k] / network.OutputScale - expected[k]) <= 1e-4 * largest, $"score {k}: {actual[k] / network.OutputScale} vs {expected[k]}");
    }

    [Fact]
    public void SameSeedGivesTheSameMaskAndAnotherSeedAnother()
    {
        set_num_threads(1);
        var random = RandomNetwork.Create(TwoLayers, 4, seed: 5);
        var data = Bands(256, 1);
        var budget = Quarter(random, MaskGranularity.Kernel);
        var a = EdgePopup.Train(random, MaskGranularity.Kernel, budget, data, Quick);
        var b = EdgePopup.Train(random, MaskGranularity.Kernel, budget, data, Quick);
        Assert.True(SameBits(a.Mask, b.Mask));
        Assert.Equal(a.Scores[1], b.Scores[1]);
        Assert.Equal(a.EpochLosses, b.EpochLosses);
        var c = EdgePopup.Train(random, MaskGranularity.Kernel, budget, data, Quick with { Seed = 4 });
        Assert.False(SameBits(a.Mask, c.Mask));
    }

    [Theory]
    [InlineData(MaskGranularity.Weight)]
    [InlineData(MaskGranularity.Kernel)]
    [InlineData(MaskGranularity.Channel)]
    public void KeepsExactlyKUnitsAndFrozenScoresGiveTheRandomMask(MaskGranularity granularity)
    {
        var random = RandomNetwork.Create(TwoLayers, 6, seed: 2);
        var layout = UnitLayout.Of(random, granularity);
        var budget = MaskBudget.FromDensity(layout, 0.3);
        var data = Bands(128, 2);
        var learned = EdgePopup.Train(random, granularity, budget, data, Quick with { Epochs = 3, LearningRate = 0.3 });
        Assert.Equal(budget.UnitsPerLayer, layout.KeptUnits(learned.Mask));
        Assert.Equal(budget.UnitsPerLayer, layout.KeptUnits(learned.InitialMask));
        Assert.True(learned.ChangedUnits().Sum() > 0, "training should change some units");
        Assert.Equal(granularity.ToVariant(), learned.Mask.Variant);

        var frozen = EdgePopup.Train(random, granularity, budget, data, Quick with { LearningRate = 0 });
        var control = EdgePopup.RandomMask(random, granularity, budget, Quick.Seed);
        Assert.True(SameBits(frozen.Mask, control));
        Assert.True(SameBits(learned.InitialMask, control));
        Assert.Equal(0, frozen.ChangedUnits().Sum());
    }

    [Theory]
    [InlineData(MaskGranularity.Weight)]
    [InlineData(MaskGranularity.Kernel)]
    [InlineData(MaskGranularity.Channel)]
    public void LearnedMaskRoundTripsThroughSaveAndLoadAndCompacts(MaskGranularity granularity)
    {
        var random = RandomNetwork.Create(TwoLayers, 4, seed: 9);
        var learned = EdgePopup.Train(random, granularity, Quarter(random, granularity), Bands(96, 3), Quick);
        string path = Path.Combine(folder, $"{granularity}.json");
        learned.Mask.Save(path, note: "learned (edge-popup)");
        var loaded = TicketMask.Load(path);
        Assert.Equal(granularity.ToVariant(), loaded.Variant);
        Assert.True(SameBits(learned.Mask, loaded));
        var rebuilt = loaded.CreateRandomNetwork();
        var inputs = NetworkEvaluation.RandomInputs(random.ToNetwork(), 8, seed: 1);
        float[] masked = NetworkEvaluation.Scores(loaded.Apply(rebuilt), inputs);
        foreach (var other in new[] { Compaction.Compact(rebuilt, loaded), Folding.Fold(rebuilt, loaded) })
        {
            float[] scores = NetworkEvaluation.Scores(other, inputs);
            double largest = masked.Max(v => Math.Abs((double)v));
            Assert.True(masked.Zip(scores).All(p => Math.Abs(p.First - p.Second) <= 1e-5 * largest + 1e-6), other.Name);
        }
    }

    /// <summary>
    /// One layer, two classes, constant images of small positive intensity c, every label 0. Class score j is
    /// c·Σ (kept unit values of output j), so the loss falls as Σ_kept (value for class 0) − (value for class 1) grows:
    /// the optimal mask with k units keeps the k largest contributions (+value for output 0, −value for output 1).
    /// SGD moves every score by one common positive factor times its contribution, so it must find that mask.
    /// </summary>
    [Theory]
    [InlineData(MaskGranularity.Weight)]
    [InlineData(MaskGranularity.Kernel)]
    public void SgdRecoversTheOptimalMaskOfASyntheticProblem(MaskGranularity granularity)
    {
        var (random, layout, contributions, data) = SyntheticProblem(granularity);
        // k with the widest gap between the k-th and (k+1)-th contribution, so that the optimum is clear-cut.
        var sorted = contributions.Where((_, u) => layout.Layers[0].Live[u]).OrderDescending().ToArray();
        int k = Enumerable.Range(2, sorted.Length - 4).MaxBy(k => sorted[k - 1] - sorted[k]);
        var optimal = TopK.Select(contributions.Select(v => (float)v).ToArray(), layout.Layers[0].Live, k);
        var learned = EdgePopup.Train(random, granularity, MaskBudget.Units(k), data,
            new EdgePopupOptions(Seed: 1, Epochs: 4, BatchSize: 16, LearningRate: 20, Optimizer: ScoreOptimizer.SgdMomentum));
        Assert.Equal(optimal, layout.KeptUnitArrays(learned.Mask)[0]);
    }

    /// <summary>Adam moves every score by about the learning rate, in the direction of its contribution: with k = the number of units that help, it keeps exactly those.</summary>
    [Fact]
    public void AdamRecoversTheUnitsThatHelp()
    {
        var (random, layout, contributions, data) = SyntheticProblem(MaskGranularity.Kernel);
        var helpful = contributions.Select((v, u) => layout.Layers[0].Live[u] && v > 0).ToArray();
        var learned = EdgePopup.Train(random, MaskGranularity.Kernel, MaskBudget.Units(helpful.Count(b => b)), data,
            new EdgePopupOptions(Seed: 1, Epochs: 4, BatchSize: 16, LearningRate: 0.1, Optimizer: ScoreOptimizer.Adam));
        Assert.Equal(helpful, layout.KeptUnitArrays(learned.Mask)[0]);
    }

    private static (RandomNetwork Random, UnitLayout Layout, double[] Contributions, ImageSet Data) SyntheticProblem(MaskGranularity granularity)
    {
        var architecture = new TargetArchitecture(1, 3, [new ConvLayerSpec(1, 2, 2, 1, 0)], InputNonNegative: true);
        var random = RandomNetwork.Create(architecture, 24, seed: 12);
        var layout = UnitLayout.Of(random, granularity);
        var pair = random.Pairs[0];
        var contributions = new double[layout.Layers[0].Count];
        for (int j = 0; j < 2; j++)
            for (int i = 0; i < pair.Hidden; i++)
                for (int e = 0; e < 4; e++)
                {
                    int w = (j * pair.Hidden + i) * 4 + e;
                    int unit = granularity == MaskGranularity.Weight ? w : j * pair.Hidden + i;
                    contributions[unit] += (j == 0 ? 1 : -1) * pair.BlockWeight(i) * pair.V[w];
                }
        var rng = new Random(2);
        const int count = 256;
        var pixels = new byte[count * 9];
        for (int k = 0; k < count; k++) Array.Fill(pixels, (byte)(5 + rng.Next(11)), k * 9, 9);
        return (random, layout, contributions, new ImageSet(pixels, new byte[count], 3, 2));
    }

    [Fact]
    public void BadInputGetsAClearError()
    {
        var random = RandomNetwork.Create(TwoLayers, 4, seed: 5);
        var data = Bands(32, 4);
        var layout = UnitLayout.Of(random, MaskGranularity.Kernel);

        // k larger than the live units of a layer.
        int tooMany = layout.Layers[1].LiveCount + 1;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EdgePopup.Train(random, MaskGranularity.Kernel, MaskBudget.Units(1, tooMany), data, Quick));
        Assert.Equal("budget", e.ParamName);
        Assert.Equal(tooMany, e.ActualValue);
        Assert.Contains($"k = {tooMany}", e.Message);
        Assert.Equal("budget", Assert.Throws<ArgumentOutOfRangeException>(() => EdgePopup.RandomMask(random, MaskGranularity.Kernel, MaskBudget.Units(1, tooMany), 1)).ParamName);
        Assert.Equal("unitsPerLayer", Assert.Throws<ArgumentOutOfRangeException>(() => MaskBudget.Units(0, 3)).ParamName);

        // A density outside (0, 1].
        foreach (double density in new[] { 0, -0.25, 1.5, double.NaN })
        {
            var d = Assert.Throws<ArgumentOutOfRangeException>(() => MaskBudget.FromDensity(layout, density));
            Assert.Equal("density", d.ParamName);
            Assert.Contains("(0, 1]", d.Message);
        }
        Assert.Equal(layout.LiveCounts(), MaskBudget.FromDensity(layout, 1).UnitsPerLayer);

        // A random network of another architecture.
        var other = RandomNetwork.Create(new TargetArchitecture(1, 8, [new ConvLayerSpec(1, 10, 3, 1, 1)], true), 4, seed: 5);
        var budget = Quarter(random, MaskGranularity.Kernel);
        var mismatch = Assert.Throws<ArgumentException>(() => EdgePopup.Train(other, MaskGranularity.Kernel, budget, data, Quick));
        Assert.Equal("budget", mismatch.ParamName);
        Assert.Contains("another architecture", mismatch.Message);
        var otherMask = EdgePopup.RandomMask(other, MaskGranularity.Kernel, MaskBudget.Units(2), 1);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => MaskBudget.MatchingKeptWeights(layout, otherMask)).ParamName);
        var target = TargetCnn.RandomUniform(TwoLayers, 1, 0.5);
        Assert.Equal("random", Assert.Throws<ArgumentException>(() => LearnedComparison.Run(target, other, data, data)).ParamName);

        // Images that do not fit, options out of range, a unit that cannot be kept.
        Assert.Equal("train", Assert.Throws<ArgumentException>(() => EdgePopup.Train(random, MaskGranularity.Kernel, budget, Bands(8, 1, side: 9), Quick)).ParamName);
        Assert.Equal("Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => EdgePopup.Train(random, MaskGranularity.Kernel, budget, data, Quick with { Epochs = 0 })).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => EdgePopup.Train(random, MaskGranularity.Kernel, budget, data, Quick with { LearningRate = -1 })).ParamName);
        int dead = Array.IndexOf(layout.Layers[0].Live, false);
        var kept = layout.Layers.Select(l => new bool[l.Count]).ToArray();
        kept[0][dead] = true;
        Assert.Contains("not live", Assert.Throws<ArgumentException>(() => layout.ToMask(kept)).Message);
    }

    [Fact]
    public void ComparisonSpendsTheConstructedTicketsBudget()
    {
        var target = TargetCnn.RandomUniform(TwoLayers, 3, 0.5);
        var random = RandomNetwork.Create(TwoLayers, 6, seed: 4);
        var data = Bands(128, 5);
        var comparison = LearnedComparison.Run(target, random, data, data, ComparisonOptions.Default with { Learning = Quick });
        Assert.Equal(["target", "constructed", "learned", "random", "learned", "random", "learned", "random"], comparison.Rows.Select(r => r.Method));
        long ConstructedV(int l) => comparison.Constructed.Mask.Layers[l].V.LongCount(b => b);
        // Exactly the constructed ticket's kept weights of V in each layer (at least one unit where it kept none).
        foreach (var learned in comparison.Learned.Where(m => m.Granularity != MaskGranularity.Channel))
            for (int l = 0; l < 2; l++)
                Assert.Equal(Math.Max(ConstructedV(l), learned.Layout.Layers[l].WeightsPerUnit), learned.Mask.Layers[l].V.LongCount(b => b));
        Assert.All(comparison.Rows, r => Assert.InRange(r.TestAccuracy, 0, 1));
        Assert.Equal(128, comparison.Row("learned", "channels").TrainImages);
        Assert.Equal(2 + comparison.Learned.Count, comparison.CompactNetworks().Count - 1);
    }
}
