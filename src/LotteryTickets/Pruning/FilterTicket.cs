using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// The structured ticket, filter variant (theory.md §3, step 6): for each input channel t and sign one subset S ⊆ B_t
/// is shared by all output channels, chosen by a subset sum in dimension c_out d² over the stacked kernels
/// <c>[K[1, t]; ...; K[c_out, t]]</c>. Every kept hidden channel keeps its whole d x d filter slice, so the compact ticket
/// is fully dense; the price is a much larger n for the same error.
/// </summary>
public static class FilterTicket
{
    /// <summary>Constructs the filter-variant ticket; see <see cref="KernelTicket.Build"/> for the parameters.</summary>
    public static Ticket Build(TargetCnn target, RandomNetwork random, TicketOptions? options = null,
        IProgress<TicketProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TicketConstruction.Build(TicketVariant.Filter, target, random, options, progress, cancellationToken);
}
