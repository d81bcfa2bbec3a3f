using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Pruning.PruningFixtures;

namespace LotteryTickets.Tests.Pruning;

public sealed class TicketSweepTests
{
    [Fact]
    public void EqualsTheLoopItReplaces()
    {
        var target = Target(OneLayer);
        int[] ns = [2, 6];
        var variants = Enum.GetValues<TicketVariant>();
        var verification = new VerificationOptions(RandomInputs: 16, Seed: 3);
        var rows = TicketSweep.Run(target, variants, ns, seed: 7, label: "d = 2", verification: verification);

        var expected = new List<TicketSweepRow>();
        foreach (int n in ns)
        {
            var random = RandomNetwork.Create(target.Architecture, n, 7);
            foreach (var variant in variants)
            {
                var t = variant switch
                {
                    TicketVariant.Kernel => KernelTicket.Build(target, random),
                    TicketVariant.Filter => FilterTicket.Build(target, random),
                    _ => UnstructuredTicket.Build(target, random),
                };
                var report = TicketVerification.Verify(t, options: verification);
                expected.Add(new TicketSweepRow($"{variant.ToString().ToLowerInvariant()}, d = 2", variant, n, report.Random.SupError, report.BudgetBound,
                    report.WithinBudget, t.MaxSliceError, t.Statistics().Total.KeptWeights, t.Compact().ParameterCount, 0));
            }
        }
        Assert.Equal(expected, rows.Select(r => r with { Seconds = 0 }));
        Assert.All(rows, r => Assert.True(r.Seconds >= 0));
    }

    [Fact]
    public void RefusesAnEmptySweepWithTheParameterName()
    {
        var target = Target(OneLayer);
        Assert.Equal("variants", Assert.Throws<ArgumentException>(() => TicketSweep.Run(target, [], [2], 1, "x")).ParamName);
        Assert.Equal("hiddenPerInput", Assert.Throws<ArgumentException>(() => TicketSweep.Run(target, [TicketVariant.Kernel], [], 1, "x")).ParamName);
        Assert.Equal("hiddenPerInput", Assert.Throws<ArgumentOutOfRangeException>(() => TicketSweep.Run(target, [TicketVariant.Kernel], [0], 1, "x")).ParamName);
    }
}
