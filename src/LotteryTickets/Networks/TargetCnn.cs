using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Networks;

/// <summary>
/// A target CNN: an architecture and one kernel tensor <c>K_l</c> of shape <c>(c_out, c_in, d, d)</c> per layer.
/// It computes <c>GAP(K_L * relu(... relu(K_1 * X)))</c>. The lottery-ticket construction approximates
/// each <c>K_l</c> by subset sums of random weights, which the theorem guarantees for targets in the
/// max-norm unit ball (every weight in [-1, 1]); <see cref="MaxAbsWeight"/> tells how close a target is to that bound.
/// </summary>
public sealed class TargetCnn
{
    /// <summary>The bound the theorem assumes on every target weight: |K[j, t, a, b]| ≤ 1.</summary>
    public const double MaxNormBound = 1.0;

    /// <summary>Creates a target and checks that every kernel has its layer's number of entries and only finite values.</summary>
    public TargetCnn(TargetArchitecture architecture, IReadOnlyList<float[]> kernels)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(kernels);
        architecture.Validate(nameof(architecture));
        if (kernels.Count != architecture.Layers.Count)
            throw new ArgumentException($"the architecture has {architecture.Layers.Count} layers but {kernels.Count} kernels were given.", nameof(kernels));
        for (int l = 0; l < kernels.Count; l++)
        {
            var spec = architecture.Layers[l];
            if (kernels[l] is null || kernels[l].Length != spec.WeightCount)
                throw new ArgumentException($"kernel {l} must have {spec.WeightCount} entries for shape ({spec.OutChannels}, {spec.InChannels}, {spec.KernelSize}, {spec.KernelSize}); got {kernels[l]?.Length ?? 0}.", nameof(kernels));
            int bad = Array.FindIndex(kernels[l], w => !float.IsFinite(w));
            if (bad >= 0) throw new ArgumentException($"kernel {l} has a non-finite value at position {bad}.", nameof(kernels));
        }
        Architecture = architecture;
        Kernels = kernels;
    }

    /// <summary>The architecture.</summary>
    public TargetArchitecture Architecture { get; }

    /// <summary>The kernels, one row-major array of shape <c>(c_out, c_in, d, d)</c> per layer. Treat as read-only.</summary>
    public IReadOnlyList<float[]> Kernels { get; }

    /// <summary>The largest |weight| over all layers (the theorem needs it ≤ <see cref="MaxNormBound"/>).</summary>
    public double MaxAbsWeight => Kernels.Max(k => k.Max(w => Math.Abs(w)));

    /// <summary>Kernel <c>K[j, t]</c> of layer <paramref name="layer"/> as a <c>d x d</c> array.</summary>
    public double[,] Kernel(int layer, int output, int input) => Architecture.Layers[layer].KernelOf(Kernels[layer], output, input);

    /// <summary>The target as a <see cref="ConvNetwork"/> (one convolution per layer, a ReLU after all but the last).</summary>
    public ConvNetwork ToNetwork(string name = "target")
    {
        var ops = new List<NetworkOp>();
        var layers = Architecture.Layers;
        for (int l = 0; l < layers.Count; l++)
        {
            var s = layers[l];
            ops.Add(new ConvOp(s.InChannels, s.OutChannels, s.KernelSize, s.Stride, s.Padding, 1, Kernels[l], relu: l < layers.Count - 1));
        }
        return new ConvNetwork(name, Architecture.InputChannels, Architecture.ImageSize, ops, Architecture.InputNonNegative);
    }

    /// <summary>
    /// A target with i.i.d. uniform weights in [-<paramref name="maxAbs"/>, <paramref name="maxAbs"/>]: useful for
    /// exercising the construction on arbitrary shapes without training (tests, one-layer notebook).
    /// </summary>
    public static TargetCnn RandomUniform(TargetArchitecture architecture, int seed, double maxAbs = 1.0)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        architecture.Validate(nameof(architecture));
        if (!(maxAbs > 0) || maxAbs > MaxNormBound)
            throw new ArgumentOutOfRangeException(nameof(maxAbs), maxAbs, $"maxAbs must be in (0, {MaxNormBound}]; got {maxAbs}.");
        var kernels = new List<float[]>();
        for (int l = 0; l < architecture.Layers.Count; l++)
        {
            var rng = Seeds.Rng(seed, 17, l);
            kernels.Add(Enumerable.Range(0, architecture.Layers[l].WeightCount).Select(_ => (float)((2 * rng.NextDouble() - 1) * maxAbs)).ToArray());
        }
        return new TargetCnn(architecture, kernels);
    }

    /// <summary>A copy whose every layer is scaled by <paramref name="factors"/>[l] (used to normalise layers; with positive factors, a bias-free ReLU network's class decisions do not change).</summary>
    public TargetCnn Scaled(IReadOnlyList<double> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count != Kernels.Count) throw new ArgumentException($"need {Kernels.Count} factors; got {factors.Count}.", nameof(factors));
        return new TargetCnn(Architecture, Kernels.Select((k, l) => k.Select(w => (float)(w * factors[l])).ToArray()).ToList());
    }

    /// <summary>
    /// The first <paramref name="outChannels"/> x <paramref name="inChannels"/> kernels of layer <paramref name="layer"/>
    /// as a one-layer target of its own, applied to single d x d patches (stride 1, no padding, one output pixel per
    /// channel): the construction's errors on it are exactly the per-entry errors the theory bounds. Notebook 04 builds
    /// its one-layer ticket on such a block of the committed target.
    /// </summary>
    /// <param name="layer">Which layer (0-based).</param>
    /// <param name="outChannels">Output channels kept, from the first (1..c_out of the layer).</param>
    /// <param name="inChannels">Input channels kept, from the first (1..c_in of the layer).</param>
    /// <param name="signedInput">True: inputs range over [-1, 1] (both halves of every block are used); false: non-negative inputs, as after a ReLU.</param>
    /// <exception cref="ArgumentOutOfRangeException">A layer or channel count outside the target's.</exception>
    public TargetCnn LayerBlock(int layer, int outChannels, int inChannels, bool signedInput = false)
    {
        if (layer < 0 || layer >= Architecture.Layers.Count)
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layer must be between 0 and {Architecture.Layers.Count - 1}; got {layer}.");
        var spec = Architecture.Layers[layer];
        if (outChannels < 1 || outChannels > spec.OutChannels)
            throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, $"layer {layer} has {spec.OutChannels} output channels: outChannels must be between 1 and {spec.OutChannels}; got {outChannels}.");
        if (inChannels < 1 || inChannels > spec.InChannels)
            throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, $"layer {layer} has {spec.InChannels} input channels: inChannels must be between 1 and {spec.InChannels}; got {inChannels}.");
        int area = spec.KernelArea;
        var weights = new float[outChannels * inChannels * area];
        for (int j = 0; j < outChannels; j++)
            for (int t = 0; t < inChannels; t++)
                Array.Copy(Kernels[layer], (j * spec.InChannels + t) * area, weights, (j * inChannels + t) * area, area);
        var architecture = new TargetArchitecture(inChannels, spec.KernelSize, [new ConvLayerSpec(inChannels, outChannels, spec.KernelSize)], InputNonNegative: !signedInput);
        return new TargetCnn(architecture, [weights]);
    }

    /// <inheritdoc />
    public override string ToString() => $"target {Architecture}: {Architecture.WeightCount:N0} weights, max |w| = {MaxAbsWeight:F3}";
}
