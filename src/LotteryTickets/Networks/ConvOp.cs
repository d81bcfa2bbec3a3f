namespace LotteryTickets.Networks;

/// <summary>
/// A bias-free 2-D convolution, optionally grouped, optionally followed by a ReLU. The weight is
/// stored row-major with shape <c>(OutChannels, InChannels / Groups, KernelSize, KernelSize)</c>,
/// exactly as <c>torch.nn.functional.conv2d</c> expects it.
/// </summary>
public sealed class ConvOp : NetworkOp
{
    /// <summary>Creates the op and checks that the weight length matches the shape.</summary>
    public ConvOp(int inChannels, int outChannels, int kernelSize, int stride, int padding, int groups, float[] weight, bool relu)
    {
        if (inChannels < 1 || outChannels < 1 || kernelSize < 1 || stride < 1 || padding < 0)
            throw new ArgumentOutOfRangeException(nameof(inChannels), $"ConvOp needs positive channels, kernel and stride and non-negative padding; got in {inChannels}, out {outChannels}, kernel {kernelSize}, stride {stride}, padding {padding}.");
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentOutOfRangeException(nameof(groups), groups, $"groups must divide both channel counts ({inChannels} in, {outChannels} out); got {groups}.");
        ArgumentNullException.ThrowIfNull(weight);
        long expected = (long)outChannels * (inChannels / groups) * kernelSize * kernelSize;
        if (weight.Length != expected)
            throw new ArgumentException($"weight has {weight.Length} entries; shape ({outChannels}, {inChannels / groups}, {kernelSize}, {kernelSize}) needs {expected}.", nameof(weight));
        (In, Out, KernelSize, Stride, Padding, Groups, Weight, HasRelu) = (inChannels, outChannels, kernelSize, stride, padding, groups, weight, relu);
    }

    private readonly int In, Out;
    private readonly bool HasRelu;

    /// <inheritdoc />
    public override int InChannels => In;

    /// <inheritdoc />
    public override int OutChannels => Out;

    /// <inheritdoc />
    public override bool Relu => HasRelu;

    /// <summary>Kernel side.</summary>
    public int KernelSize { get; }

    /// <summary>Stride in both directions.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on every side.</summary>
    public int Padding { get; }

    /// <summary>Number of groups (1 for an ordinary convolution).</summary>
    public int Groups { get; }

    /// <summary>The weights, row-major, shape <c>(OutChannels, InChannels / Groups, KernelSize, KernelSize)</c>. Not copied: treat as read-only.</summary>
    public float[] Weight { get; }

    /// <summary>The weight tensor's shape.</summary>
    public long[] WeightShape => [Out, In / Groups, KernelSize, KernelSize];

    /// <inheritdoc />
    public override int OutputSize(int inputSize) => (inputSize + 2 * Padding - KernelSize) / Stride + 1;

    /// <inheritdoc />
    public override long ParameterCount => Weight.Length;

    /// <inheritdoc />
    public override long NonzeroParameterCount => Weight.LongCount(w => w != 0f);

    /// <inheritdoc />
    public override long Macs(int inputSize)
    {
        long side = OutputSize(inputSize);
        return side * side * Weight.LongLength;
    }

    /// <inheritdoc />
    public override string Kind => Groups == 1 ? "conv" : "grouped conv";
}
