using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static TorchSharp.torch;
using static LotteryTickets.Tests.Pruning.PruningFixtures;

namespace LotteryTickets.Tests.Pruning;

public sealed class CompactionAndFoldingTests
{
    [Theory]
    [InlineData(false, OneByOneForm.Gather)]
    [InlineData(false, OneByOneForm.Grouped)]
    [InlineData(false, OneByOneForm.Dense)]
    [InlineData(true, OneByOneForm.Gather)]
    [InlineData(true, OneByOneForm.Grouped)]
    [InlineData(true, OneByOneForm.Dense)]
    public void CompactTicketComputesTheMaskedNetwork(bool nonNegative, OneByOneForm form)
    {
        var arch = nonNegative ? NonNegative : Signed;
        var target = Target(arch);
        var random = RandomNetwork.Create(arch, 10, seed: 3);
        var ticket = KernelTicket.Build(target, random);
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(ticket.Masked(), 32, seed: 4);
        var masked = Scores(ticket.Masked(), inputs);
        var compact = ticket.Compact(form);
        Assert.True(MaxAbsDifference(masked, Scores(compact, inputs)) <= 1e-5 * Math.Max(1, MaxAbs(masked)));
        Assert.True(compact.ParameterCount < ticket.Masked().ParameterCount);
        Assert.True(compact.Macs < ticket.Masked().Macs);
    }

    [Theory]
    [InlineData(OneByOneForm.Gather)]
    [InlineData(OneByOneForm.Grouped)]
    [InlineData(OneByOneForm.Dense)]
    public void CompactionHandlesArbitraryBlockMasks(OneByOneForm form)
    {
        var random = RandomNetwork.Create(Signed, 6, seed: 5);
        var mask = RandomBlockMask(random, seed: 6);
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(random.ToNetwork(), 16, seed: 7);
        var masked = Scores(mask.Apply(random), inputs);
        Assert.True(MaxAbsDifference(masked, Scores(Compaction.Compact(random, mask, form), inputs)) <= 1e-5 * Math.Max(1, MaxAbs(masked)));
    }

    [Fact]
    public void ALayerWithoutSurvivorsCompactsToZeros()
    {
        var random = RandomNetwork.Create(NonNegative, 4, seed: 5);
        var mask = RandomBlockMask(random, seed: 6);
        Array.Clear(mask.Layers[1].U);
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(random.ToNetwork(), 4, seed: 7);
        foreach (var form in Enum.GetValues<OneByOneForm>())
            Assert.All(Scores(Compaction.Compact(random, mask, form), inputs), v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FoldedTicketComputesTheTicket(bool nonNegative)
    {
        var arch = nonNegative ? NonNegative : Signed;
        var target = Target(arch);
        var random = RandomNetwork.Create(arch, 10, seed: 3);
        var ticket = KernelTicket.Build(target, random);
        var folded = ticket.Folded();
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(folded, 32, seed: 4);
        var masked = Scores(ticket.Masked(), inputs);
        Assert.True(MaxAbsDifference(masked, Scores(folded, inputs)) <= 1e-5 * Math.Max(1, MaxAbs(masked)));
        // Signed input: a sign split and a convolution over 2 c_in channels; otherwise exactly the target's shapes.
        Assert.Equal(nonNegative ? 2 : 3, folded.Ops.Count);
        Assert.Equal(nonNegative ? arch.WeightCount : arch.WeightCount + arch.Layers[0].WeightCount, folded.ParameterCount);
    }

    [Fact]
    public void FoldingAnArbitraryBlockMaskMatchesTheMaskedNetwork()
    {
        var random = RandomNetwork.Create(Signed, 6, seed: 8);
        var mask = RandomBlockMask(random, seed: 9);
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(random.ToNetwork(), 16, seed: 7);
        var masked = Scores(mask.Apply(random), inputs);
        Assert.True(MaxAbsDifference(masked, Scores(Folding.Fold(random, mask), inputs)) <= 1e-5 * Math.Max(1, MaxAbs(masked)));
    }

    [Fact]
    public void MasksThatAreNotChannelBlockedAreRejectedWhereTheyCannotWork()
    {
        var random = RandomNetwork.Create(Signed, 4, seed: 8);
        var mask = RandomBlockMask(random, seed: 9);
        int i = mask.Layers[0].UsedChannels()[0];
        Array.Fill(mask.Layers[0].U, true, i * 2, 2);   // hidden channel i now reads both input channels
        Assert.Contains("not channel-blocked", Assert.Throws<ArgumentException>(() => Compaction.Compact(random, mask, OneByOneForm.Gather)).Message);
        Assert.Contains("cannot be folded", Assert.Throws<ArgumentException>(() => Folding.Fold(random, mask)).Message);
        // The dense form computes any mask.
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(random.ToNetwork(), 8, seed: 1);
        var masked = Scores(mask.Apply(random), inputs);
        Assert.True(MaxAbsDifference(masked, Scores(Compaction.Compact(random, mask, OneByOneForm.Dense), inputs)) <= 1e-5 * Math.Max(1, MaxAbs(masked)));
    }
}
