namespace LotteryTickets.Pruning;

/// <summary>The folded kernels of one layer of a ticket.</summary>
/// <param name="Layer">Target layer index.</param>
/// <param name="Positive">Kernel applied to relu(X) (to X for non-negative inputs); approximates K. Row-major (c_out, c_in, d, d).</param>
/// <param name="Negative">Kernel applied to relu(-X); approximates -K. Null when the layer's input is non-negative.</param>
public sealed record FoldedLayer(int Layer, double[] Positive, double[]? Negative);
