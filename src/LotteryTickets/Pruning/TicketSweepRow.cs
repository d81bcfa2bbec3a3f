namespace LotteryTickets.Pruning;

/// <summary>
/// One ticket of a <see cref="TicketSweep"/>: a variant built at one n, verified against its target. The output error
/// and the budget are what <see cref="TicketVerification"/> measures; kept against stored weights is what the variant's
/// structure costs (a scattered mask keeps few weights, yet its compact network must store every weight of a kept
/// channel's d x d slice).
/// </summary>
/// <param name="Name">The curve this ticket belongs to: "variant, label" (for example "kernel, d = 3").</param>
/// <param name="Variant">Which construction built it.</param>
/// <param name="N">Hidden channels per input channel of the random network.</param>
/// <param name="OutputError">Sup-norm distance of the ticket's outputs from the target's on the random inputs.</param>
/// <param name="Budget">The ticket's rigorous error budget for inputs with ||X||_max ≤ the verification's bound.</param>
/// <param name="WithinBudget">Whether every measured error is within the budget (an identity: false means a bug).</param>
/// <param name="MaxSliceError">Largest max-norm error of the ticket's subset-sum instances.</param>
/// <param name="Kept">Weights the mask keeps.</param>
/// <param name="Stored">Weights the compact network stores (zeros inside kept slices included).</param>
/// <param name="Seconds">Wall-clock construction time (depends on the machine and its load).</param>
public sealed record TicketSweepRow(string Name, TicketVariant Variant, int N, double OutputError, double Budget, bool WithinBudget,
    double MaxSliceError, long Kept, long Stored, double Seconds);
