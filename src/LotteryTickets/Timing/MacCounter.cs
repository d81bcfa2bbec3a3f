using LotteryTickets.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LotteryTickets.Timing;

/// <summary>
/// Counts multiply-accumulates (MACs) and parameters per layer from layer shapes (see <see cref="LayerCost"/> for the
/// formulas). Works on a <see cref="ConvNetwork"/> (from its ops), on the workbook's <see cref="ConvNetworkModule"/>, and
/// on any TorchSharp module built from <c>nn.Conv2d</c> and <c>nn.Linear</c> layers (their shapes are recorded by forward
/// hooks during one pass over a zero image). For masked networks it also gives the effective MACs that touch a
/// non-zero weight, so the nominal and the effective work of a masked ticket can be compared.
/// </summary>
public static class MacCounter
{
    /// <summary>
    /// Output side of a convolution or pooling window: <c>floor((input + 2·padding − dilation·(kernel − 1) − 1) / stride) + 1</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, padding is negative, or the window does not fit.</exception>
    public static int OutputSide(int input, int kernel, int stride = 1, int padding = 0, int dilation = 1)
    {
        Positive(input, nameof(input));
        Positive(kernel, nameof(kernel));
        Positive(stride, nameof(stride));
        Positive(dilation, nameof(dilation));
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, $"padding must be at least 0; got {padding}.");
        long span = (long)dilation * (kernel - 1) + 1;
        long side = (input + 2L * padding - span) / stride + 1;
        if (input + 2L * padding < span)
            throw new ArgumentOutOfRangeException(nameof(kernel), kernel,
                $"a kernel of {kernel} (dilation {dilation}) does not fit an input of side {input} with padding {padding}.");
        return (int)side;
    }

    /// <summary>
    /// Cost of a 2-D convolution on an <paramref name="inputHeight"/> x <paramref name="inputWidth"/> image:
    /// <c>MACs = h_out · w_out · c_out · (c_in / groups) · k²</c>, parameters <c>c_out · (c_in / groups) · k² (+ c_out with bias)</c>.
    /// </summary>
    /// <param name="inChannels">Input channels c_in.</param>
    /// <param name="outChannels">Output channels (filters) c_out.</param>
    /// <param name="inputHeight">Input height.</param>
    /// <param name="inputWidth">Input width.</param>
    /// <param name="kernelSize">Kernel side k (square kernels).</param>
    /// <param name="stride">Stride in both directions.</param>
    /// <param name="padding">Zero padding on every side.</param>
    /// <param name="groups">Groups; must divide both channel counts. Each filter sees c_in / groups channels.</param>
    /// <param name="bias">Whether the layer has a bias (adds c_out parameters, no MACs).</param>
    /// <param name="dilation">Dilation of the kernel.</param>
    /// <param name="nonzeroWeights">Non-zero weights (default: all); sets <see cref="LayerCost.EffectiveMacs"/> = output pixels · non-zero weights.</param>
    /// <param name="name">Name of the row.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, groups do not divide the channels, or nonzeroWeights exceeds the weight count.</exception>
    public static LayerCost Conv2d(int inChannels, int outChannels, int inputHeight, int inputWidth, int kernelSize,
        int stride = 1, int padding = 0, int groups = 1, bool bias = false, int dilation = 1, long? nonzeroWeights = null, string name = "conv")
    {
        Positive(inChannels, nameof(inChannels));
        Positive(outChannels, nameof(outChannels));
        Positive(groups, nameof(groups));
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentOutOfRangeException(nameof(groups), groups, $"groups must divide both channel counts ({inChannels} in, {outChannels} out); got {groups}.");
        int outH = OutputSide(inputHeight, kernelSize, stride, padding, dilation);
        int outW = OutputSide(inputWidth, kernelSize, stride, padding, dilation);
        long weights = (long)outChannels * (inChannels / groups) * kernelSize * kernelSize;
        long nonzero = CheckNonzero(nonzeroWeights, weights);
        long pixels = (long)outH * outW;
        return new LayerCost(0, name, groups == 1 ? "conv" : $"grouped conv ({groups} groups)",
            Shape(inChannels, inputHeight, inputWidth), Shape(outChannels, outH, outW),
            weights + (bias ? outChannels : 0), nonzero + (bias ? outChannels : 0), pixels * weights, pixels * nonzero);
    }

    /// <summary>Cost of a linear layer applied to <paramref name="rows"/> vectors per image: <c>MACs = rows · in · out</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or nonzeroWeights exceeds the weight count.</exception>
    public static LayerCost Linear(int inFeatures, int outFeatures, bool bias = true, long rows = 1, long? nonzeroWeights = null, string name = "linear")
    {
        Positive(inFeatures, nameof(inFeatures));
        Positive(outFeatures, nameof(outFeatures));
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"rows must be at least 1; got {rows}.");
        long weights = (long)inFeatures * outFeatures;
        long nonzero = CheckNonzero(nonzeroWeights, weights);
        return new LayerCost(0, name, "linear", rows == 1 ? $"{inFeatures}" : $"{rows}x{inFeatures}", rows == 1 ? $"{outFeatures}" : $"{rows}x{outFeatures}",
            weights + (bias ? outFeatures : 0), nonzero + (bias ? outFeatures : 0), rows * weights, rows * nonzero);
    }

    /// <summary>
    /// Per-op costs of a workbook network. Convolutions use <see cref="Conv2d"/>; a channel scale (the gathered
    /// channel-blocked 1x1 layer) costs one MAC per output value; sign splits and the final global average pooling are free.
    /// </summary>
    public static ModelCost Of(ConvNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var rows = new List<LayerCost>(network.Ops.Count);
        int side = network.ImageSize;
        for (int i = 0; i < network.Ops.Count; i++)
        {
            var op = network.Ops[i];
            LayerCost row = op switch
            {
                ConvOp c => Conv2d(c.InChannels, c.OutChannels, side, side, c.KernelSize, c.Stride, c.Padding, c.Groups,
                    nonzeroWeights: c.NonzeroParameterCount),
                ChannelScaleOp s => new LayerCost(0, "", "channel scale", Shape(s.InChannels, side, side), Shape(s.OutChannels, side, side),
                    s.ParameterCount, s.NonzeroParameterCount, (long)side * side * s.ParameterCount, (long)side * side * s.NonzeroParameterCount),
                _ => new LayerCost(0, "", op.Kind, Shape(op.InChannels, side, side), Shape(op.OutChannels, op.OutputSize(side), op.OutputSize(side)),
                    op.ParameterCount, op.NonzeroParameterCount, 0, 0),
            };
            rows.Add(row with { Index = i, Name = $"op{i}" });
            side = op.OutputSize(side);
        }
        return new ModelCost(network.Name, Shape(network.InputChannels, network.ImageSize, network.ImageSize), rows);
    }

    /// <summary>
    /// Per-layer costs of a TorchSharp module for one image of shape <paramref name="imageShape"/> (without the batch
    /// dimension, e.g. <c>[1, 28, 28]</c>). A <see cref="ConvNetworkModule"/> is counted from its network. Any other module
    /// is run once, in eval mode, on a zero image with forward hooks on its leaf modules: <c>Conv2d</c> and <c>Linear</c> layers are
    /// counted from their weight shapes and the recorded output shapes; other leaves (activations, pooling,
    /// normalisation) are listed as free. Work done by functional calls inside a custom <c>forward</c> is invisible to hooks.
    /// </summary>
    /// <exception cref="ArgumentException">The image shape is empty or has a non-positive entry, or does not match a <see cref="ConvNetworkModule"/>.</exception>
    public static ModelCost Of(nn.Module<Tensor, Tensor> module, IReadOnlyList<long> imageShape, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckImageShape(imageShape);
        if (module is ConvNetworkModule networkModule)
        {
            var network = networkModule.Network;
            long[] expected = [network.InputChannels, network.ImageSize, network.ImageSize];
            if (!imageShape.SequenceEqual(expected))
                throw new ArgumentException($"imageShape must be ({string.Join(", ", expected)}) for network '{network.Name}'; got ({string.Join(", ", imageShape)}).", nameof(imageShape));
            var cost = Of(network);
            return name is null ? cost : cost with { Model = name };
        }

        var leaves = module.named_modules().Where(m => !m.module.children().Any()).ToList();
        if (leaves.Count == 0) leaves.Add(("", module));
        var rows = new List<LayerCost>();
        var removers = new List<Action>();
        // Eval mode for the counting pass, so that batch normalisation or dropout layers are not updated by it.
        bool wasTraining = module.training;
        module.eval();
        try
        {
            foreach (var (leafName, leaf) in leaves)
            {
                if (leaf is not nn.Module<Tensor, Tensor> hookable) continue;
                string label = leafName.Length == 0 ? leaf.GetName() : leafName;
                var remover = hookable.register_forward_hook((m, input, output) =>
                {
                    rows.Add(Measure(rows.Count, label, m, input, output));
                    return output;
                });
                removers.Add(remover.remove);
            }
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            using var image = zeros([1, .. imageShape]);
            module.call(image);
        }
        finally
        {
            foreach (var remove in removers) remove();
            module.train(wasTraining);
        }
        return new ModelCost(name ?? module.GetName(), string.Join("x", imageShape), rows);
    }

    private static LayerCost Measure(int index, string name, nn.Module module, Tensor input, Tensor output)
    {
        string inShape = string.Join("x", input.shape.Skip(1));
        string outShape = string.Join("x", output.shape.Skip(1));
        long parameters = 0, nonzero = 0;
        foreach (var p in module.parameters())
        {
            parameters += p.numel();
            using var count = p.count_nonzero();
            nonzero += count.item<long>();
        }
        switch (module)
        {
            case Conv2d conv:
            {
                long pixels = output.shape[^1] * output.shape[^2];
                long weights = conv.weight!.numel();
                using var nz = conv.weight.count_nonzero();
                long groups = conv.groups;
                return new LayerCost(index, name, groups == 1 ? "conv" : $"grouped conv ({groups} groups)", inShape, outShape,
                    parameters, nonzero, pixels * weights, pixels * nz.item<long>());
            }
            case Linear linear:
            {
                long rows = output.numel() / output.shape[0] / linear.out_features;
                long weights = linear.weight!.numel();
                using var nz = linear.weight.count_nonzero();
                return new LayerCost(index, name, "linear", inShape, outShape, parameters, nonzero, rows * weights, rows * nz.item<long>());
            }
            default:
                return new LayerCost(index, name, module.GetType().Name + " (not counted)", inShape, outShape, parameters, nonzero, 0, 0);
        }
    }

    internal static void CheckImageShape(IReadOnlyList<long> imageShape)
    {
        ArgumentNullException.ThrowIfNull(imageShape);
        if (imageShape.Count == 0 || imageShape.Any(s => s < 1))
            throw new ArgumentException($"imageShape must list the positive sizes of one input without the batch dimension, e.g. (1, 28, 28); got ({string.Join(", ", imageShape)}).", nameof(imageShape));
    }

    private static string Shape(long channels, long height, long width) => $"{channels}x{height}x{width}";

    private static long CheckNonzero(long? nonzeroWeights, long weights)
    {
        long nonzero = nonzeroWeights ?? weights;
        if (nonzero < 0 || nonzero > weights)
            throw new ArgumentOutOfRangeException(nameof(nonzeroWeights), nonzero, $"nonzeroWeights must be between 0 and the weight count {weights}; got {nonzero}.");
        return nonzero;
    }

    private static void Positive(long value, string name)
    {
        if (value < 1) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1; got {value}.");
    }
}
