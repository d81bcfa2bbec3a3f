namespace LotteryTickets.Pruning;

/// <summary>
/// How a compact ticket computes its channel-blocked 1x1 layer (every kept hidden channel reads one input channel).
/// All three compute the same function; they differ in speed on a given machine (toolchain.md measured grouped
/// 1x1 convolutions with one input channel per group to be slow on libtorch CPU).
/// </summary>
public enum OneByOneForm
{
    /// <summary>Gather the input channel of each kept hidden channel and multiply by its weight (<see cref="Networks.ChannelScaleOp"/>): one multiplication per pixel and channel.</summary>
    Gather,

    /// <summary>A grouped 1x1 convolution with <c>groups = c_in</c>; blocks with fewer kept channels are padded with zero channels to the largest block.</summary>
    Grouped,

    /// <summary>A dense 1x1 convolution over the kept channels holding the block mask's zeros (c_in times the MACs, but dense kernels).</summary>
    Dense,
}
