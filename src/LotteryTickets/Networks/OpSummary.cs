namespace LotteryTickets.Networks;

/// <summary>One op of a <see cref="ConvNetwork"/> as a table row.</summary>
/// <param name="Index">Position in the chain.</param>
/// <param name="Kind">conv, grouped conv, channel scale or sign split.</param>
/// <param name="InChannels">Channels read.</param>
/// <param name="OutChannels">Channels written.</param>
/// <param name="KernelSize">Kernel side (1 for non-convolutions).</param>
/// <param name="Stride">Stride.</param>
/// <param name="Groups">Groups of a convolution; for a channel scale the number of channels (it is a depthwise 1x1).</param>
/// <param name="InputSize">Side of the input feature map.</param>
/// <param name="OutputSize">Side of the output feature map.</param>
/// <param name="Parameters">Stored weights.</param>
/// <param name="Nonzero">Stored weights that are not zero.</param>
/// <param name="Macs">Multiply-accumulates for one image.</param>
/// <param name="Relu">Whether a ReLU follows.</param>
public sealed record OpSummary(int Index, string Kind, int InChannels, int OutChannels, int KernelSize, int Stride, int Groups,
    int InputSize, int OutputSize, long Parameters, long Nonzero, long Macs, bool Relu);
