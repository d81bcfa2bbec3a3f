using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// The unstructured baseline (da Cunha, Natale, Viennot, ICLR 2022): the same random pair and block mask, but each
/// kernel entry <c>K[j, t, a, b]</c> gets its own one-dimensional subset sum over <c>|u_i| V[j, i, a, b]</c>, solved exactly
/// by meet in the middle. It needs only O(log 1/ε) channels per block, but keeps individual weights: the mask is
/// irregular and cannot be turned into smaller dense layers.
/// </summary>
public static class UnstructuredTicket
{
    /// <summary>Constructs the unstructured ticket; see <see cref="KernelTicket.Build"/> for the parameters (the slice tolerance is not used: each entry gets its exact best subset).</summary>
    public static Ticket Build(TargetCnn target, RandomNetwork random, TicketOptions? options = null,
        IProgress<TicketProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TicketConstruction.Build(TicketVariant.Unstructured, target, random, options, progress, cancellationToken);
}
