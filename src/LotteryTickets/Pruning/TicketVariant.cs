namespace LotteryTickets.Pruning;

/// <summary>The kinds of ticket the workbook constructs.</summary>
public enum TicketVariant
{
    /// <summary>
    /// Structured, kernel variant (the paper's construction): one multidimensional subset sum per
    /// (output channel j, input channel t, sign) in dimension d^2; keeps whole kernels V[j, i] and removes unused hidden channels.
    /// </summary>
    Kernel,

    /// <summary>
    /// Structured, filter variant: one subset per (input channel t, sign) shared by all output channels, in dimension
    /// c_out d^2; after removing unused hidden channels the ticket is fully dense.
    /// </summary>
    Filter,

    /// <summary>Unstructured baseline (da Cunha, Natale, Viennot 2022): one 1-D subset sum per kernel entry K[j, t, a, b]; keeps individual weights.</summary>
    Unstructured,
}
