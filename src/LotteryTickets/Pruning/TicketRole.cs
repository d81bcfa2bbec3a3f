namespace LotteryTickets.Pruning;

/// <summary>
/// The part each network plays in a <see cref="TicketFamily"/>: what it is made of and how it computes. Every role takes
/// the target's inputs and gives its class scores; <see cref="TicketFamily.Name"/> gives the name tables and charts show.
/// </summary>
public enum TicketRole
{
    /// <summary>The trained target CNN ("target").</summary>
    Target,

    /// <summary>The full random over-parameterized network the tickets are found in ("random (full)").</summary>
    Random,

    /// <summary>The kernel ticket as a mask on the random network: pruned weights are zeros, shapes unchanged ("kernel ticket (masked)").</summary>
    MaskedKernel,

    /// <summary>The kernel ticket rebuilt physically smaller, its 1x1 layers in a given <see cref="OneByOneForm"/> ("kernel ticket (compact, gather 1x1)").</summary>
    CompactKernel,

    /// <summary>The filter ticket rebuilt physically smaller (fully dense); absent when the construction found none ("filter ticket (compact, gather 1x1)").</summary>
    CompactFilter,

    /// <summary>The unstructured ticket as a mask: it keeps scattered weights, so it cannot be compacted ("unstructured ticket (masked)").</summary>
    MaskedUnstructured,

    /// <summary>The kernel ticket folded into one target-shaped convolution per layer, kernels K_hat ≈ K ("kernel ticket (folded)").</summary>
    FoldedKernel,
}
