namespace LotteryTickets.Networks;

/// <summary>
/// One step of a <see cref="ConvNetwork"/>: a convolution, a channel-blocked 1x1 layer with its
/// zeros removed, or a sign split. Ops hold their weights as plain arrays so that masks, compaction
/// and folding are ordinary array code; <see cref="ConvNetwork.ToModule"/> turns them into TorchSharp modules.
/// </summary>
public abstract class NetworkOp
{
    /// <summary>Channels this op reads.</summary>
    public abstract int InChannels { get; }

    /// <summary>Channels this op writes.</summary>
    public abstract int OutChannels { get; }

    /// <summary>Whether a ReLU follows the op.</summary>
    public abstract bool Relu { get; }

    /// <summary>Side of the output for a square input of side <paramref name="inputSize"/>.</summary>
    public abstract int OutputSize(int inputSize);

    /// <summary>Number of stored weights (zeros included).</summary>
    public abstract long ParameterCount { get; }

    /// <summary>Number of stored weights that are not zero.</summary>
    public abstract long NonzeroParameterCount { get; }

    /// <summary>Multiply-accumulate operations for one input image of side <paramref name="inputSize"/> (zeros counted: dense kernels multiply them).</summary>
    public abstract long Macs(int inputSize);

    /// <summary>Short name of the op's kind for tables ("conv", "grouped conv", "channel scale", "sign split").</summary>
    public abstract string Kind { get; }
}
