using LotteryTickets.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Timing;

public sealed class SubnormalCheckTests
{
    [Fact]
    public void CountsExactlyTheSubnormalEntries()
    {
        // Subnormal: 1e-40, -1e-39, the smallest float (1.4e-45). Not subnormal: 1, 0, the smallest normal, -2e-38.
        using var t = tensor(new[] { 1e-40f, 1f, 0f, -1e-39f, float.Epsilon, 1.17549435e-38f, -2e-38f });
        Assert.Equal(3, SubnormalCheck.Count(t));
        using var d = tensor(new[] { 1e-310, 1e-300, 0.0, -5e-324 });
        Assert.Equal(2, SubnormalCheck.Count(d));
        using var ints = tensor(new[] { 0, 1, 2 });
        Assert.Equal(0, SubnormalCheck.Count(ints));
    }

    [Fact]
    public void FlushingZeroesOnlyTheSubnormals()
    {
        using var t = tensor(new[] { 1e-40f, 1f, -1e-39f, 2e-38f });
        Assert.Equal(2, SubnormalCheck.FlushToZero(t));
        Assert.Equal(new[] { 0f, 1f, 0f, 2e-38f }, t.data<float>().ToArray());
        Assert.Equal(0, SubnormalCheck.Count(t));
    }

    [Fact]
    public void InspectReportsWhatItDid()
    {
        using var conv = nn.Conv2d(1, 2, 3, bias: false);
        using (no_grad())
        {
            conv.weight!.fill_(0.5f);
            conv.weight[0, 0, 0, 0] = tensor(1e-41f);
        }
        var reported = SubnormalCheck.Inspect(conv, "conv", SubnormalHandling.ReportOnly);
        Assert.Equal((18L, 1L), (reported.Weights, reported.Subnormal));
        Assert.Contains("reported only", reported.Action);
        Assert.Equal(1, SubnormalCheck.Count(conv.weight!));

        var flushed = SubnormalCheck.Inspect(conv, "conv", SubnormalHandling.Flush);
        Assert.Equal(1, flushed.Subnormal);
        Assert.Contains("flushed to zero in place", flushed.Action);
        Assert.Equal(0, SubnormalCheck.Count(conv.weight!));

        var clean = SubnormalCheck.Inspect(conv, "conv");
        Assert.Equal((0L, "none found, nothing done"), (clean.Subnormal, clean.Action));
    }
}
