using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static TorchSharp.torch;
using static LotteryTickets.Tests.Pruning.PruningFixtures;

namespace LotteryTickets.Tests.Pruning;

public sealed class TicketConstructionTests
{
    [Fact]
    public void KernelSlicesAreTheBestSubsetsOfTheirBlockHalf()
    {
        var target = Target(OneLayer);
        var random = RandomNetwork.Create(OneLayer, 12, seed: 2);
        var ticket = KernelTicket.Build(target, random, new TicketOptions { SliceTolerance = 0, NodeLimitPerSlice = null });
        var pair = random.Pairs[0];
        Assert.Equal(4, ticket.Slices.Count);   // c_out * c_in, positive half only
        foreach (var slice in ticket.Slices)
        {
            int[] half = Enumerable.Range(slice.Input * 12, 12).Where(i => pair.BlockWeight(i) > 0).ToArray();
            var vectors = half.Select(i => Enumerable.Range(0, 4).Select(e => Math.Abs(pair.BlockWeight(i)) * (double)pair.V[(slice.Output * pair.Hidden + i) * 4 + e]).ToArray()).ToArray();
            var goal = Enumerable.Range(0, 4).Select(e => (double)target.Kernels[0][(slice.Output * 2 + slice.Input) * 4 + e]).ToArray();
            Assert.Equal(half.Length, slice.Candidates);
            Assert.Equal(BruteForce(vectors, goal), slice.Error, 9);
            Assert.All(slice.Kept, i => Assert.Contains(i, half));
        }
    }

    [Fact]
    public void UnstructuredEntriesAreTheBestSubsetsOfTheirPool()
    {
        var target = Target(OneLayer);
        var random = RandomNetwork.Create(OneLayer, 12, seed: 2);
        var ticket = UnstructuredTicket.Build(target, random, new TicketOptions { UnstructuredCandidates = 5 });
        var pair = random.Pairs[0];
        Assert.Equal(16, ticket.Slices.Count);   // one per kernel entry
        foreach (var slice in ticket.Slices)
        {
            int[] pool = Enumerable.Range(slice.Input * 12, 12).Where(i => pair.BlockWeight(i) > 0).Take(slice.Candidates).ToArray();
            Assert.True(slice.Candidates <= 5);
            var values = pool.Select(i => new[] { Math.Abs(pair.BlockWeight(i)) * (double)pair.V[(slice.Output * pair.Hidden + i) * 4 + slice.Entry] }).ToArray();
            double goal = target.Kernels[0][(slice.Output * 2 + slice.Input) * 4 + slice.Entry];
            Assert.Equal(BruteForce(values, [goal]), slice.Error, 12);
        }
        // A pool grows only while the tolerance is missed: from 20 offered channels, tolerance 0 uses them all, 0.5 often fewer.
        var wideRandom = RandomNetwork.Create(OneLayer, 40, seed: 2);
        var wide = UnstructuredTicket.Build(target, wideRandom, new TicketOptions { UnstructuredCandidates = 20, SliceTolerance = 0 });
        Assert.All(wide.Slices, s => Assert.Equal(Math.Min(20, Enumerable.Range(s.Input * 40, 40).Count(i => wideRandom.Pairs[0].BlockWeight(i) > 0)), s.Candidates));
        var loose = UnstructuredTicket.Build(target, RandomNetwork.Create(OneLayer, 40, seed: 2), new TicketOptions { UnstructuredCandidates = 20, SliceTolerance = 0.5 });
        Assert.All(loose.Slices, s => Assert.True(s.Candidates == 8 || s.Error > 0.5));
        // Individual weights are kept: the mask of V is not a union of whole kernels.
        var v = ticket.Mask.Layers[0];
        Assert.Contains(Enumerable.Range(0, 2).SelectMany(j => Enumerable.Range(0, 24).Select(i => (j, i))),
            p => v.KernelKept(p.j, p.i) && Enumerable.Range(0, 4).Any(e => !v.V[(p.j * 24 + p.i) * 4 + e]));
    }

    [Fact]
    public void FilterTicketSharesOneSubsetPerInputChannelAndIsDense()
    {
        var target = Target(NonNegative);
        var random = RandomNetwork.Create(NonNegative, 16, seed: 3);
        var ticket = FilterTicket.Build(target, random);
        Assert.Contains(ticket.Compact().Ops.OfType<ConvOp>(), o => o.KernelSize > 1 && o.NonzeroParameterCount > 0);
        Assert.All(ticket.Slices, s => Assert.Equal(-1, s.Output));
        Assert.Equal(NonNegative.Layers.Sum(l => l.InChannels), ticket.Slices.Count);
        var stats = ticket.Statistics();
        foreach (var layer in stats.Layers)
            Assert.Equal((long)layer.KeptFilters * NonNegative.Layers[layer.Layer].OutChannels, layer.KeptKernels);
        // After compaction every d x d weight is a kept random weight: no zeros left.
        foreach (var op in ticket.Compact().Ops.OfType<ConvOp>().Where(o => o.KernelSize > 1 && o.NonzeroParameterCount > 0))
            Assert.Equal(op.ParameterCount, op.NonzeroParameterCount);
    }

    [Fact]
    public void MeasuredErrorStaysWithinTheBudget()
    {
        var target = Target(Signed, maxAbs: 0.5);
        var random = RandomNetwork.Create(Signed, 24, seed: 3);
        foreach (var ticket in new[] { KernelTicket.Build(target, random), UnstructuredTicket.Build(target, random) })
        {
            var report = TicketVerification.Verify(ticket, options: new VerificationOptions(RandomInputs: 64, Seed: 5));
            Assert.True(report.WithinBudget, $"{ticket.Variant}: sup error {report.Random.SupError} > budget {report.BudgetBound}");
            Assert.True(report.Random.SupError > 0);
            // The a-posteriori budget uses the actual kernels, so it is never above the a-priori one.
            Assert.True(ticket.Budget().Bound <= ticket.SliceBudget().Bound * (1 + 1e-9));
        }
    }

    [Fact]
    public void ExactKernelsGiveAZeroBudget()
    {
        var target = Target(NonNegative);
        var folded = target.Kernels.Select((k, l) => new FoldedLayer(l, k.Select(w => (double)w).ToArray(), null)).ToList();
        Assert.Equal(0, ErrorBudget.FromFolded(target, folded).Bound);
        var signed = Target(Signed);
        var both = signed.Kernels.Select((k, l) => new FoldedLayer(l, k.Select(w => (double)w).ToArray(), l == 0 ? k.Select(w => -(double)w).ToArray() : null)).ToList();
        Assert.Equal(0, ErrorBudget.FromFolded(signed, both).Bound);
    }

    [Fact]
    public void SameSeedGivesTheSameTicketWhateverTheThreadCount()
    {
        var target = Target(Signed);
        var one = KernelTicket.Build(target, RandomNetwork.Create(Signed, 12, seed: 7), new TicketOptions { MaxDegreeOfParallelism = 1 });
        var two = KernelTicket.Build(target, RandomNetwork.Create(Signed, 12, seed: 7), new TicketOptions { MaxDegreeOfParallelism = 2 });
        for (int l = 0; l < Signed.Layers.Count; l++)
        {
            Assert.Equal(one.Mask.Layers[l].U, two.Mask.Layers[l].U);
            Assert.Equal(one.Mask.Layers[l].V, two.Mask.Layers[l].V);
        }
        Assert.Equal(one.Slices.Select(s => s.Error), two.Slices.Select(s => s.Error));
        var other = KernelTicket.Build(target, RandomNetwork.Create(Signed, 12, seed: 8));
        Assert.NotEqual(one.Mask.Layers[1].V, other.Mask.Layers[1].V);
    }

    [Fact]
    public void TheEntryPointBuildsWhatEachFacadeBuilds()
    {
        var target = Target(Signed);
        var random = RandomNetwork.Create(Signed, 8, seed: 5);
        Func<TargetCnn, RandomNetwork, TicketOptions?, IProgress<TicketProgress>?, CancellationToken, Ticket>[] facades = [KernelTicket.Build, FilterTicket.Build, UnstructuredTicket.Build];
        foreach (var (variant, facade) in Enum.GetValues<TicketVariant>().Zip(facades))
        {
            var ticket = Ticket.Build(variant, target, random);
            var same = facade(target, random, null, null, default);
            Assert.Equal(variant, ticket.Mask.Variant);
            Assert.Equal(same.Slices.Select(s => (s.Output, s.Input, s.Entry, s.Sign, s.Error)), ticket.Slices.Select(s => (s.Output, s.Input, s.Entry, s.Sign, s.Error)));
            Assert.All(Enumerable.Range(0, Signed.Layers.Count), l => Assert.Equal(same.Mask.Layers[l].V, ticket.Mask.Layers[l].V));
        }
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Ticket.Build((TicketVariant)7, target, random));
        Assert.Equal("variant", e.ParamName);
    }

    [Fact]
    public void SignedLayersUseBothHalvesAndLaterLayersOnlyThePositiveOne()
    {
        var ticket = KernelTicket.Build(Target(Signed), RandomNetwork.Create(Signed, 10, seed: 3));
        Assert.Equal([-1, 1], ticket.Slices.Where(s => s.Layer == 0).Select(s => s.Sign).Distinct().Order());
        Assert.Equal([1], ticket.Slices.Where(s => s.Layer == 1).Select(s => s.Sign).Distinct());
        var pair = ticket.Random.Pairs[1];
        Assert.All(ticket.Mask.Layers[1].UsedChannels(), i => Assert.True(pair.BlockWeight(i) > 0));
    }

    [Fact]
    public void StatisticsDefineDensityAndSparsity()
    {
        var ticket = KernelTicket.Build(Target(NonNegative), RandomNetwork.Create(NonNegative, 10, seed: 3));
        var stats = ticket.Statistics();
        foreach (var row in stats.Layers.Append(stats.Total))
        {
            Assert.Equal((double)row.KeptWeights / row.RandomWeights, row.Density, 12);
            Assert.Equal(1 - row.Density, row.Sparsity, 12);
            Assert.Equal((double)row.RandomWeights / row.TargetWeights, row.OverParameterization, 12);
        }
        Assert.Equal(ticket.Random.ParameterCount, stats.Total.RandomWeights);
        Assert.Equal(ticket.Masked().NonzeroParameterCount, stats.Total.KeptWeights);
        Assert.Equal(stats.Layers.Sum(r => r.KeptFilters), ticket.Compact().Ops.OfType<ChannelScaleOp>().Sum(o => o.OutChannels));
    }

    [Fact]
    public void IncompatibleShapesAndTooSmallNAreRejected()
    {
        var target = Target(Signed);
        var wrong = RandomNetwork.Create(Signed with { Layers = [new ConvLayerSpec(2, 2, 3, 2, 1), new ConvLayerSpec(2, 3, 2, 1, 0)] }, 4, seed: 1);
        Assert.Contains("does not match", Assert.Throws<ArgumentException>(() => KernelTicket.Build(target, wrong)).Message);
        Assert.Contains("between 2 and", Assert.Throws<ArgumentOutOfRangeException>(() => RandomNetwork.Create(Signed, 1, seed: 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomNetwork.Create(Signed, 100_000, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelTicket.Build(target, RandomNetwork.Create(Signed, 4, seed: 1), new TicketOptions { SliceTolerance = -1 }));

        // n = 2 on a one-channel layer with non-negative input: find a seed whose only block has no positive weight.
        var single = new TargetArchitecture(1, 5, [new ConvLayerSpec(1, 2, 2)], InputNonNegative: true);
        int seed = Enumerable.Range(0, 100).First(s => RandomNetwork.Create(single, 2, s).Pairs[0].U.All(u => u < 0));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KernelTicket.Build(Target(single), RandomNetwork.Create(single, 2, seed)));
        Assert.Contains("no block offers a channel of the needed sign", e.Message);
    }

    [Fact]
    public void UnreachableToleranceStillGivesTheBestTicketAndSaysSo()
    {
        var ticket = KernelTicket.Build(Target(NonNegative), RandomNetwork.Create(NonNegative, 4, seed: 3), new TicketOptions { SliceTolerance = 1e-6 });
        Assert.False(ticket.ReachedTolerance);
        Assert.Equal(ticket.Slices.Max(s => s.Error), ticket.MaxSliceError);
        Assert.All(ticket.Slices, s => Assert.True(s.Error <= s.EmptyError));
        Assert.Contains("slices above", ticket.ToString());
    }

    [Fact]
    public void FamilyBuildsEveryNetworkFromOneSeed()
    {
        var family = TicketFamily.Build(Target(NonNegative), 8, seed: 4);
        var networks = family.Networks();
        Assert.Equal(7, networks.Count);
        Assert.Equal(networks.Count, networks.Select(n => n.Name).Distinct().Count());
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(networks[0], 4, seed: 1);
        Assert.All(networks, n => Assert.Equal(4 * 3, Scores(n, inputs).Length));
        Assert.Equal(Scores(family.Kernel!.Masked(), inputs), Scores(networks[2], inputs));
    }

    [Fact]
    public void EveryRoleOfTheFamilyHasItsNameAndTheSameNetworksWhateverTheKernelTicketCameFrom()
    {
        var target = Target(NonNegative);
        var kernel = KernelTicket.Build(target, RandomNetwork.Create(NonNegative, 8, seed: 4));
        var family = TicketFamily.FromKernelTicket(kernel);
        Assert.Same(kernel, family.Kernel);
        Assert.Equal(family.Tickets.Select(t => t.Variant), family.Masks.Select(m => m.Variant));
        foreach (var role in Enum.GetValues<TicketRole>().Where(family.Has))
            Assert.Equal(TicketFamily.Name(role, OneByOneForm.Dense), family.Network(role, OneByOneForm.Dense).Name);
        Assert.Equal("kernel ticket (compact, grouped 1x1)", TicketFamily.Name(TicketRole.CompactKernel, OneByOneForm.Grouped));

        var noFilter = TicketFamily.FromKernelMask(target, kernel.Mask, random: kernel.Random, includeFilter: false);
        Assert.Null(noFilter.Filter);
        Assert.Null(noFilter.FilterFailure);
        Assert.False(noFilter.Has(TicketRole.CompactFilter));
        Assert.Throws<InvalidOperationException>(() => noFilter.Network(TicketRole.CompactFilter));
        Assert.Equal(family.Networks().Where(n => !n.Name.StartsWith("filter", StringComparison.Ordinal)).Select(n => (n.Name, n.ParameterCount, n.NonzeroParameterCount)),
            noFilter.Networks().Select(n => (n.Name, n.ParameterCount, n.NonzeroParameterCount)));
        Assert.Throws<ArgumentException>(() => TicketFamily.FromKernelMask(target, kernel.Mask, random: RandomNetwork.Create(NonNegative, 8, seed: 5)));
        Assert.Throws<ArgumentException>(() => TicketFamily.FromKernelTicket(family.Unstructured));
    }
}
