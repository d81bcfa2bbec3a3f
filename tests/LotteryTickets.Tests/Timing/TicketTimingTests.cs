using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Timing;

namespace LotteryTickets.Tests.Timing;

public sealed class TicketTimingTests
{
    private static readonly string MaskedTicket = TicketFamily.Name(TicketRole.MaskedKernel);

    [Fact]
    public void BuildsTheComparedNetworksFromOneSeed()
    {
        var target = TargetCnn.RandomUniform(MacCounterTests.Tiny, seed: 4, maxAbs: 0.5);
        var set = TicketFamily.Build(target, hiddenPerInput: 8, seed: 9);
        Assert.True(set.Filter is null ^ set.FilterFailure is null);
        var networks = set.Networks(OneByOneForm.Gather, OneByOneForm.Dense);
        var names = networks.Select(n => n.Name).ToList();
        Assert.Equal("target", names[0]);
        Assert.Equal("random (full)", names[1]);
        Assert.Equal(MaskedTicket, names[2]);
        Assert.Contains("kernel ticket (compact, gather 1x1)", names);
        Assert.Contains("kernel ticket (compact, dense 1x1)", names);
        Assert.Contains("unstructured ticket (masked)", names);
        Assert.Equal("kernel ticket (folded)", names[^1]);
        Assert.Equal(set.Filter is not null, names.Any(n => n.StartsWith("filter ticket (compact", StringComparison.Ordinal)));

        var cost = networks.ToDictionary(n => n.Name, MacCounter.Of);
        Assert.Equal(cost["random (full)"].Macs, cost[MaskedTicket].Macs);
        Assert.True(cost[MaskedTicket].EffectiveMacs < cost[MaskedTicket].Macs);
        Assert.True(cost["kernel ticket (compact, gather 1x1)"].Macs < cost[MaskedTicket].Macs);
        Assert.Equal(cost["target"].Macs, cost["kernel ticket (folded)"].Macs);

        var report = set.Measure(new TimingOptions { BatchSizes = [2], Threads = 1, WarmupRepetitions = 0, FixedRepetitions = 2 });
        Assert.Equal(networks.Count - 1, report.Models.Count);   // the dense form is not timed by Measure(form) alone
        var speedUps = TicketTiming.SpeedUpsOverMasked(report);
        Assert.Equal(report.Models.Count - 1, speedUps.Count);
        Assert.All(speedUps, s => Assert.True(s.SpeedUp > 0 && s.MacRatio > 0));
        Assert.Contains("seed 9", report.Conditions.Note);
    }

    [Fact]
    public void AKernelMaskGivesTheSameNetworksAsTheTicketItCameFrom()
    {
        var target = TargetCnn.RandomUniform(MacCounterTests.Tiny, seed: 4, maxAbs: 0.5);
        var built = TicketFamily.Build(target, hiddenPerInput: 8, seed: 9);
        var loaded = TicketFamily.FromKernelMask(target, built.KernelMask);
        Assert.Null(loaded.Kernel);
        Assert.Equal(built.Random.HiddenPerInput, loaded.Random.HiddenPerInput);
        Assert.Equal(built.Networks().Select(n => (n.Name, n.ParameterCount, n.NonzeroParameterCount, n.Macs)), loaded.Networks().Select(n => (n.Name, n.ParameterCount, n.NonzeroParameterCount, n.Macs)));
        Assert.Contains("loaded from its mask", loaded.ToString());
        Assert.Throws<ArgumentException>(() => TicketFamily.FromKernelMask(target, built.Unstructured.Mask));
        var other = TargetCnn.RandomUniform(LotteryTickets.Networks.TargetArchitecture.FashionMnist2x2, seed: 4);
        Assert.Throws<ArgumentException>(() => TicketFamily.FromKernelMask(other, built.KernelMask));
    }
}
