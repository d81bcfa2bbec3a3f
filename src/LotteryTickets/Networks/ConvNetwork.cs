namespace LotteryTickets.Networks;

/// <summary>
/// A convolutional network as data: a chain of <see cref="NetworkOp"/>s followed by global average
/// pooling of the last op's channels. Every network of the workbook has this form: the target
/// (one <see cref="ConvOp"/> per layer), the random over-parameterized network (a 1x1 and a d x d
/// convolution per target layer), masked and compact tickets, and the folded ticket. Keeping them as
/// arrays makes masking, compaction and folding plain array code, and <see cref="ToModule"/> gives the
/// TorchSharp module that actually runs.
/// </summary>
public sealed class ConvNetwork
{
    /// <summary>Creates a network and checks that the ops chain (each op reads as many channels as the previous one writes).</summary>
    /// <param name="name">Name shown in tables and used as the module's name.</param>
    /// <param name="inputChannels">Channels of the input image.</param>
    /// <param name="imageSize">Side of the square input image.</param>
    /// <param name="ops">The ops in order.</param>
    /// <param name="inputNonNegative">Whether the network is meant for non-negative inputs (informational; used to draw random test inputs).</param>
    public ConvNetwork(string name, int inputChannels, int imageSize, IReadOnlyList<NetworkOp> ops, bool inputNonNegative)
    {
        ArgumentNullException.ThrowIfNull(ops);
        if (ops.Count == 0) throw new ArgumentException("A network needs at least one op.", nameof(ops));
        int channels = inputChannels, size = imageSize;
        for (int i = 0; i < ops.Count; i++)
        {
            if (ops[i].InChannels != channels)
                throw new ArgumentException($"op {i} ({ops[i].Kind}) reads {ops[i].InChannels} channels but receives {channels}.", nameof(ops));
            size = ops[i].OutputSize(size);
            if (size < 1) throw new ArgumentException($"op {i} ({ops[i].Kind}) leaves an empty feature map.", nameof(ops));
            channels = ops[i].OutChannels;
        }
        (Name, InputChannels, ImageSize, Ops, InputNonNegative) = (name, inputChannels, imageSize, ops, inputNonNegative);
    }

    /// <summary>Name shown in tables.</summary>
    public string Name { get; }

    /// <summary>Channels of the input image.</summary>
    public int InputChannels { get; }

    /// <summary>Side of the square input image.</summary>
    public int ImageSize { get; }

    /// <summary>Whether the network is meant for non-negative inputs.</summary>
    public bool InputNonNegative { get; }

    /// <summary>The ops in order; global average pooling follows the last one.</summary>
    public IReadOnlyList<NetworkOp> Ops { get; }

    /// <summary>Number of outputs (class scores).</summary>
    public int Outputs => Ops[^1].OutChannels;

    /// <summary>Stored weights, zeros included.</summary>
    public long ParameterCount => Ops.Sum(o => o.ParameterCount);

    /// <summary>Stored weights that are not zero.</summary>
    public long NonzeroParameterCount => Ops.Sum(o => o.NonzeroParameterCount);

    /// <summary>Multiply-accumulates for one image (zeros in dense kernels counted, pooling not counted).</summary>
    public long Macs => Summary().Sum(s => s.Macs);

    /// <summary>One row per op: kind, channels, kernel, stride, groups, feature-map sides, weights and MACs for one image.</summary>
    public IReadOnlyList<OpSummary> Summary()
    {
        var rows = new List<OpSummary>(Ops.Count);
        int size = ImageSize;
        for (int i = 0; i < Ops.Count; i++)
        {
            var op = Ops[i];
            int outSize = op.OutputSize(size);
            var conv = op as ConvOp;
            rows.Add(new OpSummary(i, op.Kind, op.InChannels, op.OutChannels, conv?.KernelSize ?? 1, conv?.Stride ?? 1,
                conv?.Groups ?? (op is ChannelScaleOp ? op.OutChannels : 1), size, outSize,
                op.ParameterCount, op.NonzeroParameterCount, op.Macs(size), op.Relu));
            size = outSize;
        }
        return rows;
    }

    /// <summary>
    /// Builds the TorchSharp module computing this network. Weights are copied into the module's
    /// parameters; with <paramref name="trainable"/> false they do not require gradients.
    /// </summary>
    public ConvNetworkModule ToModule(bool trainable = false) => new(this, trainable);

    /// <summary>A copy with another name.</summary>
    public ConvNetwork WithName(string name) => new(name, InputChannels, ImageSize, Ops, InputNonNegative);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Ops.Count} ops, {ParameterCount:N0} weights ({NonzeroParameterCount:N0} non-zero), {Macs:N0} MACs per image";
}
