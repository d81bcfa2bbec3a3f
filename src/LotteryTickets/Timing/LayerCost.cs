namespace LotteryTickets.Timing;

/// <summary>
/// The arithmetic cost of one layer for one input image, computed from its shape.
/// A multiply-accumulate (MAC) is one <c>a += w * x</c>; a convolution with <c>c_out</c> filters of shape
/// <c>(c_in / groups, k_h, k_w)</c> producing an <c>h_out x w_out</c> map costs
/// <c>MACs = h_out · w_out · c_out · (c_in / groups) · k_h · k_w</c>, a linear layer <c>in · out</c> per row.
/// Biases, activations and pooling are not counted (they are additions and comparisons, a small fraction of the work).
/// </summary>
/// <param name="Index">Position of the layer in execution order.</param>
/// <param name="Name">Layer name (module path or op index).</param>
/// <param name="Kind">conv, grouped conv, linear, channel scale, pooling, ...</param>
/// <param name="InputShape">Shape of one input image of the layer, e.g. "16x14x14" (channels x height x width).</param>
/// <param name="OutputShape">Shape of the layer's output for one image.</param>
/// <param name="Parameters">Stored weights and biases, zeros included.</param>
/// <param name="NonzeroParameters">Stored weights and biases that are not zero.</param>
/// <param name="Macs">Nominal MACs for one image: what a dense kernel computes, multiplications by zero included.</param>
/// <param name="EffectiveMacs">
/// MACs that involve a non-zero weight (<c>output pixels · non-zero weights</c> for a convolution): what an ideal
/// sparse kernel would compute. For a masked network this is far below <see cref="Macs"/>, but dense CPU kernels
/// still perform the nominal count.
/// </param>
public sealed record LayerCost(int Index, string Name, string Kind, string InputShape, string OutputShape,
    long Parameters, long NonzeroParameters, long Macs, long EffectiveMacs)
{
    /// <summary>Fraction of stored weights that are not zero (1 = dense).</summary>
    public double Density => Parameters == 0 ? 1 : (double)NonzeroParameters / Parameters;

    /// <summary>Number of values in the layer's output for one image (the product of <see cref="OutputShape"/>).</summary>
    public long OutputElements => Elements(OutputShape);

    internal static long Elements(string shape) =>
        shape.Split('x').Aggregate(1L, (product, part) => long.TryParse(part, out long v) ? product * v : product);
}
