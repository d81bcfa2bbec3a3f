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
        Ticket.Build(TicketVariant.Filter, target, random, options, progress, cancellationToken);

    /// <summary>The filter variant's rules.</summary>
    internal static readonly TicketVariantRules Rules = new FilterRules();

    private sealed class FilterRules : TicketVariantRules
    {
        // All kernels of input channel t stacked over the outputs: c_out d² values.
        internal override int Dimension(ConvLayerSpec spec) => spec.OutChannels * spec.KernelArea;

        // One slice per (input t, sign), shared by every output channel.
        internal override IEnumerable<Slice> Slices(ConvLayerSpec spec, int[] signs)
        {
            for (int t = 0; t < spec.InChannels; t++)
                foreach (int sign in signs) yield return new Slice(-1, t, -1, sign);
        }

        internal override Choice Choose(double[][] vectors, double[] goal, TicketOptions options, int seed, int layer, Slice slice) =>
            VectorSearch(vectors, goal, options, seed, layer, slice);

        internal override void Keep(bool[] v, int offset, int area, SliceResult result) => KeepWholeKernel(v, offset, area);
    }
}
