using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Timing;

public sealed class MacCounterTests
{
    [Fact]
    public void ConvolutionCountsMatchHandComputedValues()
    {
        // 4 -> 6 channels, 3x3, stride 1, padding 1 on 8x8: output 8x8; 6*4*9 = 216 weights; 64 * 216 MACs.
        var plain = MacCounter.Conv2d(4, 6, 8, 8, 3, stride: 1, padding: 1);
        Assert.Equal(("6x8x8", 216L, 13_824L), (plain.OutputShape, plain.Parameters, plain.Macs));

        // Two groups, stride 2, padding 1 on 9x9: output floor((9 + 2 - 3) / 2) + 1 = 5; each filter sees 4/2 = 2 channels:
        // 6*2*9 = 108 weights, 25 * 108 = 2700 MACs; bias adds 6 parameters and no MACs.
        var grouped = MacCounter.Conv2d(4, 6, 9, 9, 3, stride: 2, padding: 1, groups: 2, bias: true);
        Assert.Equal(("6x5x5", 114L, 2_700L, "grouped conv (2 groups)"), (grouped.OutputShape, grouped.Parameters, grouped.Macs, grouped.Kind));

        // Stride 2 without padding on 7x7: floor((7 - 3) / 2) + 1 = 3 -> 9 pixels * 5*3*9 weights.
        Assert.Equal(9L * 135, MacCounter.Conv2d(3, 5, 7, 7, 3, stride: 2).Macs);

        // Depthwise (groups = channels): one 3x3 kernel per channel, 8 channels on 10x10 with padding 1: 100 * 72.
        Assert.Equal(7_200L, MacCounter.Conv2d(8, 8, 10, 10, 3, padding: 1, groups: 8).Macs);

        // Rectangular input, dilation 2: span 5, output (12 - 5) + 1 = 8 by (6 - 5) + 1 = 2.
        Assert.Equal("2x8x2", MacCounter.Conv2d(1, 2, 12, 6, 3, dilation: 2).OutputShape);

        // Effective MACs count only non-zero weights.
        var masked = MacCounter.Conv2d(4, 6, 8, 8, 3, padding: 1, nonzeroWeights: 10);
        Assert.Equal((13_824L, 640L, 10L), (masked.Macs, masked.EffectiveMacs, masked.NonzeroParameters));
    }

    [Fact]
    public void LinearCountsMatchHandComputedValues()
    {
        var fc = MacCounter.Linear(100, 10);
        Assert.Equal((1_010L, 1_000L, 1_000L), (fc.Parameters, fc.Macs, fc.EffectiveMacs));
        Assert.Equal(7_000L, MacCounter.Linear(100, 10, bias: false, rows: 7).Macs);
    }

    [Fact]
    public void HooksOnTorchSharpLayersAgreeWithTheFormulas()
    {
        using var model = nn.Sequential(
            ("conv1", nn.Conv2d(2, 6, 3, stride: 2, padding: 1, groups: 2, bias: false)),
            ("relu", nn.ReLU()),
            ("pool", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(6, 4, 1, bias: true)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(4 * 4 * 4, 3)));
        var cost = MacCounter.Of(model, [2, 15, 15], "small");

        var conv1 = MacCounter.Conv2d(2, 6, 15, 15, 3, stride: 2, padding: 1, groups: 2);   // 8x8 output
        var conv2 = MacCounter.Conv2d(6, 4, 4, 4, 1, bias: true);
        var fc = MacCounter.Linear(64, 3);
        Assert.Equal(["conv1", "relu", "pool", "conv2", "flatten", "fc"], cost.Layers.Select(l => l.Name));
        Assert.Equal((conv1.Macs, conv1.Parameters, "6x8x8"), (cost.Layers[0].Macs, cost.Layers[0].Parameters, cost.Layers[0].OutputShape));
        Assert.Equal((conv2.Macs, conv2.Parameters), (cost.Layers[3].Macs, cost.Layers[3].Parameters));
        Assert.Equal((fc.Macs, fc.Parameters), (cost.Layers[5].Macs, cost.Layers[5].Parameters));
        Assert.Equal(0, cost.Layers[2].Macs);   // pooling is free
        Assert.Equal(conv1.Macs + conv2.Macs + fc.Macs, cost.Macs);
        Assert.Equal("2x15x15", cost.InputShape);
        Assert.Equal(6L * 8 * 8, cost.Layers[0].OutputElements);
        Assert.Equal(2L * 15 * 15, cost.LargestActivationElements);   // the input is larger than any output here
    }

    [Fact]
    public void EffectiveMacsOfAMaskedTorchSharpLayerCountOnlyNonzeroWeights()
    {
        using var conv = nn.Conv2d(3, 4, 3, padding: 1, bias: false);
        using (no_grad())
        {
            conv.weight!.zero_();
            conv.weight[0, 0, 1, 1] = tensor(0.5f);
            conv.weight[3, 2, 0, 0] = tensor(-1.0f);
        }
        var cost = MacCounter.Of(conv, [3, 6, 6]);
        Assert.Equal(36L * 108, cost.Macs);
        Assert.Equal(36L * 2, cost.EffectiveMacs);
        Assert.Equal(2, cost.NonzeroParameters);
    }

    [Fact]
    public void NetworkCountsAgreeWithTheNetworksOwnSummaryAndItsModule()
    {
        var target = TargetCnn.RandomUniform(Tiny, seed: 5);
        var random = RandomNetwork.Create(Tiny, 4, seed: 6);
        foreach (var network in new[] { target.ToNetwork(), random.ToNetwork() })
        {
            var cost = MacCounter.Of(network);
            Assert.Equal(network.Macs, cost.Macs);
            Assert.Equal(network.ParameterCount, cost.Parameters);
            Assert.Equal(network.NonzeroParameterCount, cost.NonzeroParameters);
            using var module = network.ToModule();
            Assert.Equal(cost.Macs, MacCounter.Of(module, [2, 9, 9]).Macs);
        }
        // Zeroing weights keeps the nominal count and lowers the effective one proportionally per layer.
        var full = random.ToNetwork();
        var zeroed = new ConvNetwork("half", full.InputChannels, full.ImageSize,
            full.Ops.Select(o => o is ConvOp c ? new ConvOp(c.InChannels, c.OutChannels, c.KernelSize, c.Stride, c.Padding, c.Groups,
                c.Weight.Select((w, i) => i % 2 == 0 ? 0f : w).ToArray(), c.Relu) : o).ToList(), full.InputNonNegative);
        var zc = MacCounter.Of(zeroed);
        Assert.Equal(MacCounter.Of(full).Macs, zc.Macs);
        Assert.Equal(zc.Layers.Sum(l => l.Macs / l.Parameters * l.NonzeroParameters), zc.EffectiveMacs);
        Assert.True(zc.EffectiveMacs < zc.Macs * 0.6);
    }

    [Fact]
    public void BadShapesAreRejectedWithTheirNames()
    {
        Assert.Equal("groups", Assert.Throws<ArgumentOutOfRangeException>(() => MacCounter.Conv2d(4, 6, 8, 8, 3, groups: 4)).ParamName);
        Assert.Equal("kernel", Assert.Throws<ArgumentOutOfRangeException>(() => MacCounter.Conv2d(1, 1, 2, 2, 5)).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => MacCounter.Conv2d(1, 1, 8, 8, 3, stride: 0)).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => MacCounter.Conv2d(1, 1, 8, 8, 3, padding: -1)).ParamName);
        Assert.Equal("nonzeroWeights", Assert.Throws<ArgumentOutOfRangeException>(() => MacCounter.Conv2d(1, 1, 8, 8, 3, nonzeroWeights: 10)).ParamName);
        Assert.Equal("inFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => MacCounter.Linear(0, 3)).ParamName);
        using var conv = nn.Conv2d(1, 1, 3);
        Assert.Throws<ArgumentException>(() => MacCounter.Of(conv, []));
        Assert.Throws<ArgumentException>(() => MacCounter.Of(conv, [1, 0, 5]));
        using var module = TargetCnn.RandomUniform(Tiny, seed: 5).ToNetwork().ToModule();
        Assert.Contains("(2, 9, 9)", Assert.Throws<ArgumentException>(() => MacCounter.Of(module, [1, 9, 9])).Message);
    }

    internal static readonly TargetArchitecture Tiny = new(2, 9,
        [new ConvLayerSpec(2, 3, 3, 2, 1), new ConvLayerSpec(3, 4, 3, 1, 1)], InputNonNegative: true);
}
