using LotteryTickets.Learning;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Learning;

/// <summary>
/// The gradient that reaches the scores is the straight-through one: for each unit, the sum over its weights w of
/// ∂L/∂M_w, where M is the mask multiplying the random weights. Checked against a hand-written formula on one layer.
/// </summary>
public sealed class StraightThroughGradientTests
{
    private static readonly TargetArchitecture OneLayer = new(2, 5, [new ConvLayerSpec(2, 3, 2, 1, 1)], InputNonNegative: true);

    public static TheoryData<MaskGranularity, bool> Cases()
    {
        var data = new TheoryData<MaskGranularity, bool>();
        foreach (var g in LearningFixtures.Granularities) { data.Add(g, true); data.Add(g, false); }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScoreGradientEqualsTheAnalyticOne(MaskGranularity granularity, bool nonNegative)
    {
        var architecture = OneLayer with { InputNonNegative = nonNegative };
        var random = RandomNetwork.Create(architecture, 3, seed: 8);
        var layout = UnitLayout.Of(random, granularity);
        using var network = new ScoredNetwork(layout, MaskBudget.FromDensity(layout, 0.5), seed: 4);

        const int batch = 3;
        var s = architecture.Layers[0];
        int side = architecture.ImageSize, outSide = s.OutputSize(side), cin = s.InChannels, cout = s.OutChannels, d = s.KernelSize;
        var rng = new Random(1);
        float[] x = Enumerable.Range(0, batch * cin * side * side).Select(_ => (float)(nonNegative ? rng.NextDouble() : 2 * rng.NextDouble() - 1)).ToArray();
        float[] g = Enumerable.Range(0, batch * cout).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray();

        float[] actual;
        using (var scope = NewDisposeScope())
        {
            // L = Σ G ⊙ class scores: ∂L/∂scores = G.
            var loss = network.Forward(tensor(x, [batch, cin, side, side])).mul(tensor(g, [batch, cout])).sum();
            loss.backward();
            actual = network.ScoreGradients()[0];
        }

        // ∂L/∂K̂±[j, t, a, b] = Σ_batch G[batch, j] · mean over output pixels of relu(±X) under that kernel entry (zero padding).
        var dK = new double[2, cout, cin, d, d];
        for (int bt = 0; bt < batch; bt++)
            for (int j = 0; j < cout; j++)
                for (int t = 0; t < cin; t++)
                    for (int a = 0; a < d; a++)
                        for (int b = 0; b < d; b++)
                            for (int pr = 0; pr < outSide; pr++)
                                for (int pc = 0; pc < outSide; pc++)
                                {
                                    int r = pr * s.Stride + a - s.Padding, c = pc * s.Stride + b - s.Padding;
                                    if (r < 0 || r >= side || c < 0 || c >= side) continue;
                                    double value = x[((bt * cin + t) * side + r) * side + c], weight = g[bt * cout + j] / (double)(outSide * outSide);
                                    dK[0, j, t, a, b] += weight * Math.Max(value, 0);
                                    dK[1, j, t, a, b] += weight * Math.Max(-value, 0);
                                }
        // ∂L/∂M[j, i, a, b] = ∂L/∂K̂[j, t(i), a, b] · c·|u_i|·V[j, i, a, b] (the half of u_i's sign; nothing for a channel that outputs zero).
        var pair = random.Pairs[0];
        double scale = network.OutputScale;
        var expected = new double[layout.Layers[0].Count];
        for (int j = 0; j < cout; j++)
            for (int i = 0; i < pair.Hidden; i++)
            {
                double u = pair.BlockWeight(i);
                if (u == 0 || nonNegative && u < 0) continue;
                for (int a = 0; a < d; a++)
                    for (int b = 0; b < d; b++)
                    {
                        int w = ((j * pair.Hidden + i) * d + a) * d + b;
                        double dM = dK[u > 0 ? 0 : 1, j, pair.BlockOf(i), a, b] * scale * Math.Abs(u) * pair.V[w];
                        int unit = granularity switch { MaskGranularity.Weight => w, MaskGranularity.Kernel => j * pair.Hidden + i, _ => i };
                        expected[unit] += dM;
                    }
            }
        double largest = expected.Max(Math.Abs);
        Assert.True(largest > 1e-3, "the test needs gradients that are not all zero");
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-5 * largest + 1e-7, $"unit {k}: autograd {actual[k]}, analytic {expected[k]}");
        // Units of channels that output zero get no gradient.
        for (int k = 0; k < expected.Length; k++)
            if (!layout.Layers[0].Live[k]) Assert.Equal(0f, actual[k]);
    }
}
