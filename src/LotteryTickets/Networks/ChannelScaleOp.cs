namespace LotteryTickets.Networks;

/// <summary>
/// A channel-blocked 1x1 layer with its zeros removed: output channel <c>k</c> is
/// <c>Scale[k] * X[Source[k]]</c> (then a ReLU if <see cref="Relu"/>). This is exactly what a 1x1
/// convolution computes when each hidden channel keeps a single input channel (the paper's block mask):
/// one multiplication per output pixel instead of <c>c_in</c>.
/// </summary>
public sealed class ChannelScaleOp : NetworkOp
{
    /// <summary>Creates the op; every source index must be a valid input channel.</summary>
    public ChannelScaleOp(int inChannels, int[] source, float[] scale, bool relu)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scale);
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, $"inChannels must be at least 1; got {inChannels}.");
        if (source.Length < 1 || source.Length != scale.Length)
            throw new ArgumentException($"source and scale must have the same positive length; got {source.Length} and {scale.Length}.", nameof(source));
        foreach (int s in source)
            if (s < 0 || s >= inChannels)
                throw new ArgumentOutOfRangeException(nameof(source), s, $"source channels must be between 0 and {inChannels - 1}; got {s}.");
        (In, Source, Scale, HasRelu) = (inChannels, source, scale, relu);
    }

    private readonly int In;
    private readonly bool HasRelu;

    /// <summary>Input channel read by each output channel.</summary>
    public int[] Source { get; }

    /// <summary>Scale applied to each output channel (the kept entry <c>u_i</c> of the 1x1 weight).</summary>
    public float[] Scale { get; }

    /// <inheritdoc />
    public override int InChannels => In;

    /// <inheritdoc />
    public override int OutChannels => Source.Length;

    /// <inheritdoc />
    public override bool Relu => HasRelu;

    /// <inheritdoc />
    public override int OutputSize(int inputSize) => inputSize;

    /// <inheritdoc />
    public override long ParameterCount => Scale.Length;

    /// <inheritdoc />
    public override long NonzeroParameterCount => Scale.LongCount(w => w != 0f);

    /// <inheritdoc />
    public override long Macs(int inputSize) => (long)inputSize * inputSize * Scale.Length;

    /// <inheritdoc />
    public override string Kind => "channel scale";
}
