using LotteryTickets.Statistics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The estimated probability that n random values cover every target within eps,
/// P(eps*(X_1..X_n) ≤ eps), with its confidence interval.
/// </summary>
/// <param name="N">Sample size n.</param>
/// <param name="Eps">The radius eps.</param>
/// <param name="Probability">Successes over trials with the confidence interval.</param>
public sealed record SuccessPoint(int N, double Eps, ProportionEstimate Probability)
{
    /// <summary>Reads like "n = 14, eps = 0.01: 0.870 [0.815, 0.910] (174/200, Wilson 95%)".</summary>
    public override string ToString() => FormattableString.Invariant($"n = {N}, eps = {Eps:G3}: {Probability}");
}
