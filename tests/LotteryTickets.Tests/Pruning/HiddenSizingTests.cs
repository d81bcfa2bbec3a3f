using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Pruning.PruningFixtures;

namespace LotteryTickets.Tests.Pruning;

public sealed class HiddenSizingTests
{
    [Fact]
    public void SearchFindsTheFirstLadderStepThatReachesTheErrorAndTheNetworkReproducesIt()
    {
        var architecture = new TargetArchitecture(2, 6, [new ConvLayerSpec(2, 2, 2), new ConvLayerSpec(2, 3, 2, 2)], InputNonNegative: true);
        var target = Target(architecture, maxAbs: 0.5);
        var result = HiddenSizing.Search(target, sliceError: 0.1, seed: 5, fraction: 0.9, maxHiddenPerInput: 96);
        Assert.All(result.Reached, Assert.True);
        Assert.True(result.Steps.Count > 2, "the ladder should need more than one step somewhere");
        for (int l = 0; l < 2; l++)
        {
            var steps = result.Steps.Where(s => s.Layer == l).ToArray();
            Assert.Equal(result.HiddenPerInput[l], steps[^1].HiddenPerInput);
            Assert.True(steps[^1].FractionWithin >= 0.9);
            Assert.All(steps[..^1], s => Assert.True(s.FractionWithin < 0.9));
            Assert.True(steps.Select(s => s.HiddenPerInput).SequenceEqual(steps.Select(s => s.HiddenPerInput).Order()));
        }
        // The sized network gives every layer the same slices as the search did.
        var ticket = KernelTicket.Build(target, RandomNetwork.Create(architecture, result.HiddenPerInput, 5), new TicketOptions { SliceTolerance = 0.1 });
        for (int l = 0; l < 2; l++)
            Assert.Equal(result.Steps.Last(s => s.Layer == l).MaxError, ticket.Layers[l].MaxError, 12);
    }

    [Fact]
    public void CountingBoundGrowsWithDimensionAndPrecision()
    {
        var kernel = HiddenSizing.CountingBound(NonNegative, 0.05);
        Assert.Equal(2 * (int)Math.Ceiling(9 * Math.Log2(20)), kernel[0]);
        Assert.True(HiddenSizing.CountingBound(NonNegative, 0.01)[0] > kernel[0]);
        Assert.True(HiddenSizing.CountingBound(NonNegative, 0.05, TicketVariant.Filter)[0] > kernel[0]);
        Assert.True(HiddenSizing.CountingBound(NonNegative, 0.05, TicketVariant.Unstructured)[0] < kernel[0]);
    }

    [Fact]
    public void UnreachableErrorsStopAtTheLimitAndSaySo()
    {
        var result = HiddenSizing.Search(Target(OneLayer), sliceError: 1e-4, seed: 1, fraction: 1, maxHiddenPerInput: 12);
        Assert.Equal([12], result.HiddenPerInput);
        Assert.Equal([false], result.Reached);
        Assert.Throws<ArgumentOutOfRangeException>(() => HiddenSizing.Search(Target(OneLayer), sliceError: 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HiddenSizing.Search(Target(OneLayer), sliceError: 0.1, seed: 1, fraction: 1.5));
    }
}
