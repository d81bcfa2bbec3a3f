using LotteryTickets.Pruning;

namespace LotteryTickets.Learning;

/// <summary>
/// What one score of a learned mask keeps or prunes in the d x d layer of a random pair (the 1x1 layer is always
/// channel-blocked, as in the construction: hidden channel i keeps only <c>U[i, t(i)]</c>, and only while some weight of
/// V reading it is kept).
/// </summary>
public enum MaskGranularity
{
    /// <summary>One score per weight <c>V[j, i, a, b]</c>: an unstructured mask (saved as variant <c>unstructured</c>).</summary>
    Weight,

    /// <summary>One score per d x d kernel <c>V[j, i]</c>: the kernel ticket's structure (saved as variant <c>kernel</c>).</summary>
    Kernel,

    /// <summary>One score per hidden channel i, which keeps or prunes <c>V[:, i]</c> for every output at once: the filter ticket's structure (saved as variant <c>filter</c>).</summary>
    Channel,
}

/// <summary>Conversions between <see cref="MaskGranularity"/> and the <see cref="TicketVariant"/> a mask of that structure is saved as.</summary>
public static class MaskGranularityExtensions
{
    /// <summary>The ticket variant whose structure a mask of this granularity has (and that <see cref="TicketMask.Load"/> checks).</summary>
    public static TicketVariant ToVariant(this MaskGranularity granularity) => granularity switch
    {
        MaskGranularity.Weight => TicketVariant.Unstructured,
        MaskGranularity.Kernel => TicketVariant.Kernel,
        MaskGranularity.Channel => TicketVariant.Filter,
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "granularity must be Weight, Kernel or Channel."),
    };

    /// <summary>The granularity whose masks have the structure of <paramref name="variant"/>.</summary>
    public static MaskGranularity FromVariant(TicketVariant variant) => variant switch
    {
        TicketVariant.Unstructured => MaskGranularity.Weight,
        TicketVariant.Kernel => MaskGranularity.Kernel,
        TicketVariant.Filter => MaskGranularity.Channel,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "variant must be Kernel, Filter or Unstructured."),
    };

    /// <summary>A short lower-case name for tables and charts: "weights", "kernels" or "channels".</summary>
    public static string Describe(this MaskGranularity granularity) => granularity switch
    {
        MaskGranularity.Weight => "weights",
        MaskGranularity.Kernel => "kernels",
        MaskGranularity.Channel => "channels",
        _ => granularity.ToString(),
    };
}
