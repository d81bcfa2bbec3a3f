using LotteryTickets.Networks;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Networks;

public sealed class ConvNetworkTests
{
    /// <summary>Naive reference convolution (bias-free, square, zero padding), row-major (c, s, s) input.</summary>
    internal static double[] NaiveConv(double[] x, int cin, int side, float[] w, int cout, int d, int stride, int pad, out int outSide)
    {
        int o = (side + 2 * pad - d) / stride + 1;
        outSide = o;
        var y = new double[cout * o * o];
        for (int j = 0; j < cout; j++)
            for (int r = 0; r < o; r++)
                for (int c = 0; c < o; c++)
                {
                    double sum = 0;
                    for (int t = 0; t < cin; t++)
                        for (int a = 0; a < d; a++)
                            for (int b = 0; b < d; b++)
                            {
                                int rr = r * stride + a - pad, cc = c * stride + b - pad;
                                if (rr < 0 || cc < 0 || rr >= side || cc >= side) continue;
                                sum += w[((j * cin + t) * d + a) * d + b] * x[(t * side + rr) * side + cc];
                            }
                    y[(j * o + r) * o + c] = sum;
                }
        return y;
    }

    internal static double[] NaiveForward(TargetCnn target, double[] image)
    {
        var arch = target.Architecture;
        double[] x = image;
        int side = arch.ImageSize;
        for (int l = 0; l < arch.Layers.Count; l++)
        {
            var s = arch.Layers[l];
            x = NaiveConv(x, s.InChannels, side, target.Kernels[l], s.OutChannels, s.KernelSize, s.Stride, s.Padding, out side);
            if (l < arch.Layers.Count - 1) x = x.Select(v => Math.Max(0, v)).ToArray();
        }
        int area = side * side;
        return Enumerable.Range(0, arch.Classes).Select(j => x.Skip(j * area).Take(area).Average()).ToArray();
    }

    internal static readonly TargetArchitecture Tiny = new(2, 9,
        [new ConvLayerSpec(2, 3, 3, 2, 1), new ConvLayerSpec(3, 4, 2, 1, 0), new ConvLayerSpec(4, 3, 3, 1, 1)], InputNonNegative: false);

    [Fact]
    public void TargetModuleMatchesNaiveConvolution()
    {
        var target = TargetCnn.RandomUniform(Tiny, seed: 3);
        var network = target.ToNetwork();
        using var scope = NewDisposeScope();
        var inputs = NetworkEvaluation.RandomInputs(network, 4, seed: 8);
        var scores = NetworkEvaluation.Scores(network, inputs);
        var flat = inputs.data<float>().ToArray();
        int size = 2 * 9 * 9;
        for (int b = 0; b < 4; b++)
        {
            var expected = NaiveForward(target, flat.Skip(b * size).Take(size).Select(v => (double)v).ToArray());
            for (int j = 0; j < 3; j++) Assert.Equal(expected[j], scores[b * 3 + j], 5);
        }
    }

    [Fact]
    public void SummaryCountsWeightsAndMacs()
    {
        var network = TargetCnn.RandomUniform(Tiny, seed: 3).ToNetwork();
        var rows = network.Summary();
        // Layer 0: 3 x 2 x 3 x 3 weights on a 5x5 output (9 + 2 - 3) / 2 + 1 = 5.
        Assert.Equal(54, rows[0].Parameters);
        Assert.Equal(5, rows[0].OutputSize);
        Assert.Equal(54L * 25, rows[0].Macs);
        Assert.Equal(Tiny.WeightCount, network.ParameterCount);
        Assert.Equal(rows.Sum(r => r.Macs), network.Macs);
    }

    [Fact]
    public void ModuleRejectsWrongInputShape()
    {
        using var module = TargetCnn.RandomUniform(Tiny, seed: 3).ToNetwork().ToModule();
        using var x = zeros(1, 1, 9, 9);
        var e = Assert.Throws<ArgumentException>(() => module.call(x));
        Assert.Contains("(batch, 2, 9, 9)", e.Message);
    }

    [Fact]
    public void ArchitectureValidationNamesTheProblem()
    {
        var broken = new TargetArchitecture(1, 28, [new ConvLayerSpec(1, 4, 3), new ConvLayerSpec(5, 10, 3)], true);
        Assert.Contains("expects 5 input channels but receives 4", Assert.Throws<ArgumentException>(() => broken.Validate()).Message);
        var tooSmall = new TargetArchitecture(1, 4, [new ConvLayerSpec(1, 4, 3, 2), new ConvLayerSpec(4, 10, 3)], true);
        Assert.Contains("smaller than its 3x3 kernel", Assert.Throws<ArgumentException>(() => tooSmall.Validate()).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvLayerSpec(1, 4, 3, 1, 3).Validate());
        Assert.Throws<ArgumentException>(() => new TargetCnn(Tiny, [new float[54], new float[48]]));
        Assert.ThrowsAny<ArgumentException>(() => new ConvOp(4, 6, 1, 1, 0, 4, new float[6], true));
    }
}
