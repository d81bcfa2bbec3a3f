using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Pruning.PruningFixtures;

namespace LotteryTickets.Tests.Pruning;

public sealed class SizingSweepTests
{
    private static readonly TargetArchitecture Small = new(2, 6, [new ConvLayerSpec(2, 2, 2), new ConvLayerSpec(2, 3, 2, 2)], InputNonNegative: true);

    [Fact]
    public void SweepRepeatsHiddenSizingPerEtaBuildsOneTicketPerSeedAndSurvivesSaveAndLoad()
    {
        var target = Target(Small, maxAbs: 0.5);
        var result = SizingSweep.Run([("small", target)], [0.2, 0.1], accuracyEta: 0.1, accuracySeeds: 2, seed: 5, test: null, fraction: 0.9,
            maxHiddenPerInput: 96, command: "test");
        Assert.Equal([0.2, 0.1], result.Sizing.Select(r => r.Eta));
        var direct = HiddenSizing.Search(target, 0.1, 5, fraction: 0.9, maxHiddenPerInput: 96);
        Assert.Equal(direct.HiddenPerInput, result.Sizing[1].HiddenPerInput);
        Assert.Equal(HiddenSizing.CountingBound(Small, 0.1), result.Sizing[1].CountingBound);
        Assert.Equal([4, 6], result.Sizing[0].SlicesPerLayer);
        Assert.Equal([5, 6], result.Accuracy.Select(a => a.Seed));
        Assert.All(result.Accuracy, a => Assert.Equal(direct.HiddenPerInput, a.HiddenPerInput));
        Assert.All(result.Accuracy, a => Assert.True(a.TicketAccuracy is null && a.Slices == 10 && a.SlicesWithin <= a.Slices));
        // Seed 5 is the network the sizes were searched on: at least 90 % of each layer's slices reached eta there.
        var first = KernelTicket.Build(target, RandomNetwork.Create(Small, direct.HiddenPerInput, 5), new TicketOptions { SliceTolerance = 0.1 });
        Assert.Equal(first.Layers.Sum(l => l.Instances - l.AboveTolerance), result.Accuracy[0].SlicesWithin);
        Assert.Equal([5, 6], result.Provenance.AccuracySeeds);
        Assert.Equal("test", result.Provenance.Command);

        string path = Path.Combine(Path.GetTempPath(), $"sizing-{Guid.NewGuid():N}.json");
        try
        {
            result.Save(path);
            var loaded = SizingSweepResult.Load(path);
            Assert.Equal(result.Sizing[1].HiddenPerInput, loaded.Sizing[1].HiddenPerInput);
            Assert.Equal(result.Sizing[1].Steps.Count, loaded.Sizing[1].Steps.Count);
            Assert.Equal(result.Accuracy[1].SlicesWithin, loaded.Accuracy[1].SlicesWithin);
            Assert.Equal(result.Provenance, loaded.Provenance with { AccuracySeeds = result.Provenance.AccuracySeeds });
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"accuracy\"", "\"accuracies\""));
            var e = Assert.Throws<InvalidDataException>(() => SizingSweepResult.Load(path));
            Assert.Contains("sizing sweep", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void BadInputIsRefusedNamingTheParameter()
    {
        var target = Target(Small);
        Assert.Equal("etas", Assert.Throws<ArgumentOutOfRangeException>(() => SizingSweep.Run([("t", target)], [0], 0.1, 1, 1, null)).ParamName);
        Assert.Equal("accuracyEta", Assert.Throws<ArgumentOutOfRangeException>(() => SizingSweep.Run([("t", target)], [0.2], 0.1, 1, 1, null)).ParamName);
        Assert.Equal("accuracySeeds", Assert.Throws<ArgumentOutOfRangeException>(() => SizingSweep.Run([("t", target)], [0.2], 0.2, -1, 1, null)).ParamName);
        Assert.Throws<FileNotFoundException>(() => SizingSweepResult.Load(Path.Combine(Path.GetTempPath(), "no-such-sweep.json")));
    }

    [Fact]
    public void UnionBoundCostsDoublyLogarithmicallyManyCandidates()
    {
        // E >= ln(N/delta) with E doubling per candidate: log2(ln(N/delta)/ln 2) candidates beyond the median point (E = ln 2).
        Assert.Equal(Math.Log2(Math.Log(1000 / 1e-3) / Math.Log(2)), SizingSweep.UnionBoundExtraCandidates(1000, 1e-3), 12);
        Assert.True(SizingSweep.UnionBoundExtraCandidates(1_000_000, 1e-3) - SizingSweep.UnionBoundExtraCandidates(1000, 1e-3) < 1);
        Assert.Equal(6 * 1, SizingSweep.KernelInstances(TargetArchitecture.FashionMnist3x3, 1));
        Assert.Equal(TargetArchitecture.FashionMnist3x3.SliceCount, SizingSweep.KernelInstances(TargetArchitecture.FashionMnist3x3, 5));
        Assert.Equal(2 * 4 + 6, SizingSweep.KernelInstances(Signed, 2));   // only the first layer sees signed inputs
        Assert.Throws<ArgumentOutOfRangeException>(() => SizingSweep.UnionBoundExtraCandidates(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SizingSweep.KernelInstances(Signed, 3));
    }
}
