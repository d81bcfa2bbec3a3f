using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// How closely a ticket computes its target: sup-norm distance of class scores and agreement of predicted classes on
/// random inputs (always) and on test images (when given), test accuracies, and the rigorous error budget the measured
/// errors must stay below.
/// </summary>
/// <param name="Network">Name of the ticket network checked.</param>
/// <param name="Random">Comparison on random inputs with ||X||_max ≤ InputBound.</param>
/// <param name="Test">Comparison on test images (null without a test set).</param>
/// <param name="TargetTestAccuracy">The target's test accuracy (null without a test set).</param>
/// <param name="TicketTestAccuracy">The ticket's test accuracy (null without a test set).</param>
/// <param name="BudgetBound">The ticket's a-posteriori error budget for ||X||_max ≤ InputBound.</param>
/// <param name="WithinBudget">Whether every measured sup-norm error is at most the budget, up to float32 rounding (1e-5 of the outputs' size). It must be; false means a bug or a violated assumption.</param>
public sealed record VerificationReport(string Network, OutputComparison Random, OutputComparison? Test, double? TargetTestAccuracy,
    double? TicketTestAccuracy, double BudgetBound, bool WithinBudget);
