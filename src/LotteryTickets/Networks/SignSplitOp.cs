namespace LotteryTickets.Networks;

/// <summary>
/// Splits every channel into its positive and negative parts: output is <c>[relu(X); relu(-X)]</c>
/// with <c>2 c</c> channels. A folded ticket needs it for a layer with signed inputs, because there
/// the ticket computes <c>A+ * relu(X) + A- * relu(-X)</c> with two different kernels (theory.md §3, step 3).
/// </summary>
public sealed class SignSplitOp : NetworkOp
{
    /// <summary>Creates a split of <paramref name="channels"/> channels.</summary>
    public SignSplitOp(int channels)
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, $"channels must be at least 1; got {channels}.");
        Channels = channels;
    }

    /// <summary>Channels of the input.</summary>
    public int Channels { get; }

    /// <inheritdoc />
    public override int InChannels => Channels;

    /// <inheritdoc />
    public override int OutChannels => 2 * Channels;

    /// <inheritdoc />
    public override bool Relu => false;

    /// <inheritdoc />
    public override int OutputSize(int inputSize) => inputSize;

    /// <inheritdoc />
    public override long ParameterCount => 0;

    /// <inheritdoc />
    public override long NonzeroParameterCount => 0;

    /// <inheritdoc />
    public override long Macs(int inputSize) => 0;

    /// <inheritdoc />
    public override string Kind => "sign split";
}
