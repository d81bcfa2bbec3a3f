using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LotteryTickets.Networks;

/// <summary>
/// The TorchSharp module of a <see cref="ConvNetwork"/>: its ops in order, then the mean over the
/// spatial dimensions (global average pooling). Input shape <c>(batch, channels, side, side)</c>, output
/// <c>(batch, outputs)</c>. Build it with <see cref="ConvNetwork.ToModule"/>; call it inside
/// <c>torch.no_grad()</c> and a dispose scope for inference.
/// </summary>
public sealed class ConvNetworkModule : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> layers;
    private readonly int inputChannels, imageSize;
    private readonly long peakElementsPerImage;
    private readonly string peakOp;

    internal ConvNetworkModule(ConvNetwork network, bool trainable) : base(network.Name)
    {
        Network = network;
        inputChannels = network.InputChannels;
        imageSize = network.ImageSize;
        layers = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i < network.Ops.Count; i++)
        {
            layers.Add(network.Ops[i] switch
            {
                ConvOp c => new ConvOpModule($"conv{i}", c, trainable),
                ChannelScaleOp s => new ChannelScaleModule($"scale{i}", s, trainable),
                SignSplitOp => new SignSplitModule($"split{i}"),
                var other => throw new NotSupportedException($"op kind {other.GetType().Name} has no module"),
            });
        }
        // The largest input + output of one op, per image: what a forward pass holds at its peak (ReLUs run in place).
        foreach (var op in network.Summary())
        {
            long elements = (long)op.InChannels * op.InputSize * op.InputSize + (long)op.OutChannels * op.OutputSize * op.OutputSize;
            if (elements <= peakElementsPerImage) continue;
            peakElementsPerImage = elements;
            peakOp = $"op {op.Index}, {op.Kind} {op.InChannels}->{op.OutChannels} channels at {op.InputSize}x{op.InputSize}";
        }
        peakOp ??= "";
        RegisterComponents();
    }

    /// <summary>The network this module was built from (its weights as they were at build time).</summary>
    public ConvNetwork Network { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != inputChannels || input.shape[2] != imageSize || input.shape[3] != imageSize)
            throw new ArgumentException(
                $"input must have shape (batch, {inputChannels}, {imageSize}, {imageSize}); got ({string.Join(", ", input.shape)}).", nameof(input));
        CheckMemory(input.shape[0], input.ElementSize);
        Tensor x = input;
        foreach (var layer in layers) x = layer.call(x);
        return x.mean([2L, 3L]);
    }

    /// <summary>
    /// Refuses a batch whose activations cannot fit in the memory available, before libtorch tries to allocate them (it would
    /// fail with a native error, or the machine would start swapping).
    /// </summary>
    private void CheckMemory(long batch, long elementSize)
    {
        double bytes = (double)peakElementsPerImage * batch * elementSize;
        if (bytes <= Workbook.MemoryGuard.SmallBytes) return;
        long available = Workbook.MemoryGuard.AvailableBytes();
        long largestBatch = Math.Max(0, available / Math.Max(1, peakElementsPerImage * elementSize));
        Workbook.MemoryGuard.Check(bytes, "input", batch,
            $"a forward pass of {Network.Name} at batch {batch} (largest activation: {peakOp})",
            $"use a batch of at most {largestBatch:N0}, or a smaller network", available);
    }

    /// <summary>The current weights of the module's convolutions, in op order (after training, these differ from <see cref="Network"/>'s).</summary>
    public IReadOnlyList<float[]> ConvWeights()
    {
        var result = new List<float[]>();
        foreach (var layer in layers)
            if (layer is ConvOpModule c) result.Add(c.WeightValues());
        return result;
    }

    /// <summary>Clamps every convolution weight into [-bound, bound] in place (keeps a trained target within the max-norm ball the theorem covers).</summary>
    public void ClampWeights(double bound)
    {
        using var noGrad = no_grad();
        foreach (var layer in layers)
            if (layer is ConvOpModule c) c.Clamp(bound);
    }

    private sealed class ConvOpModule : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter weight;
        private readonly long[] stride, padding;
        private readonly long groups;
        private readonly bool relu;

        public ConvOpModule(string name, ConvOp op, bool trainable) : base(name)
        {
            weight = new Parameter(tensor(op.Weight, op.WeightShape), requires_grad: trainable);
            stride = [op.Stride, op.Stride];
            padding = [op.Padding, op.Padding];
            groups = op.Groups;
            relu = op.Relu;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var y = nn.functional.conv2d(x, weight, null, stride, padding, null, groups);
            return relu ? y.relu_() : y;
        }

        public float[] WeightValues()
        {
            using var detached = weight.detach().contiguous();
            return detached.data<float>().ToArray();
        }

        public void Clamp(double bound)
        {
            // Explicit scalars: implicitly converted ones are freed by the garbage collector at unpredictable times.
            using Scalar low = -bound, high = bound;
            weight.clamp_(low, high);
        }
    }

    private sealed class ChannelScaleModule : nn.Module<Tensor, Tensor>
    {
        private readonly Tensor index;
        private readonly Parameter scale;
        private readonly bool relu;

        public ChannelScaleModule(string name, ChannelScaleOp op, bool trainable) : base(name)
        {
            index = tensor(op.Source.Select(s => (long)s).ToArray());
            scale = new Parameter(tensor(op.Scale, [1, op.Scale.Length, 1, 1]), requires_grad: trainable);
            relu = op.Relu;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var y = x.index_select(1, index).mul_(scale);
            return relu ? y.relu_() : y;
        }
    }

    private sealed class SignSplitModule(string name) : nn.Module<Tensor, Tensor>(name)
    {
        public override Tensor forward(Tensor x) => cat([nn.functional.relu(x), nn.functional.relu(x.neg())], 1);
    }
}
