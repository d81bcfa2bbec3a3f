namespace LotteryTickets.Statistics;

/// <summary>How a confidence interval for a binomial proportion is computed (see <see cref="BinomialConfidence"/>).</summary>
public enum ConfidenceMethod
{
    /// <summary>Wilson score interval: inverts the normal approximation of the score test; good coverage, never leaves [0, 1].</summary>
    Wilson,

    /// <summary>Clopper–Pearson "exact" interval from Beta quantiles: coverage at least the nominal level, somewhat wide.</summary>
    ClopperPearson,
}
