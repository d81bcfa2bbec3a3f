using MathNet.Numerics.Distributions;

namespace LotteryTickets.Statistics;

/// <summary>
/// Confidence intervals for a binomial proportion p estimated by k successes in n trials.
/// <list type="bullet">
/// <item><b>Wilson</b>: with z the (1+c)/2 normal quantile and p̂ = k/n, the interval is
/// (p̂ + z²/2n ± z·sqrt(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n).</item>
/// <item><b>Clopper–Pearson</b>: lower = Beta(k, n-k+1) quantile at (1-c)/2 (0 when k = 0),
/// upper = Beta(k+1, n-k) quantile at (1+c)/2 (1 when k = n).</item>
/// </list>
/// The workbook uses them for success probabilities such as P(eps*(X) &lt;= eps) over seeded trials.
/// Quantiles come from MathNet.Numerics.
/// </summary>
public static class BinomialConfidence
{
    /// <summary>The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">Number of successes, 0..trials.</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="confidence">Confidence level in (0, 1), e.g. 0.95.</param>
    public static ProportionEstimate Wilson(int successes, int trials, double confidence = 0.95)
    {
        Validate(successes, trials, confidence);
        double n = trials;
        double p = successes / n;
        double z = Normal.InvCDF(0.0, 1.0, 0.5 + confidence / 2.0);
        double z2 = z * z;
        double denominator = 1.0 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // Clamp rounding noise; at k = 0 (k = n) the lower (upper) end is exactly 0 (1).
        double lower = successes == 0 ? 0.0 : Math.Max(0.0, center - half);
        double upper = successes == trials ? 1.0 : Math.Min(1.0, center + half);
        return new ProportionEstimate(successes, trials, p, lower, upper, confidence, ConfidenceMethod.Wilson);
    }

    /// <summary>The Clopper–Pearson ("exact") interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">Number of successes, 0..trials.</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="confidence">Confidence level in (0, 1), e.g. 0.95.</param>
    public static ProportionEstimate ClopperPearson(int successes, int trials, double confidence = 0.95)
    {
        Validate(successes, trials, confidence);
        double alpha = 1.0 - confidence;
        double lower = successes == 0 ? 0.0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2.0);
        double upper = successes == trials ? 1.0 : Beta.InvCDF(successes + 1, trials - successes, 1.0 - alpha / 2.0);
        return new ProportionEstimate(successes, trials, (double)successes / trials, lower, upper, confidence,
            ConfidenceMethod.ClopperPearson);
    }

    /// <summary>The interval computed by <paramref name="method"/>.</summary>
    /// <param name="successes">Number of successes, 0..trials.</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="method">Wilson or Clopper–Pearson.</param>
    /// <param name="confidence">Confidence level in (0, 1), e.g. 0.95.</param>
    public static ProportionEstimate Estimate(int successes, int trials, ConfidenceMethod method, double confidence = 0.95) =>
        method switch
        {
            ConfidenceMethod.Wilson => Wilson(successes, trials, confidence),
            ConfidenceMethod.ClopperPearson => ClopperPearson(successes, trials, confidence),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method,
                $"method must be Wilson or ClopperPearson; got {method}."),
        };

    private static void Validate(int successes, int trials, double confidence)
    {
        if (trials <= 0)
            throw new ArgumentOutOfRangeException(nameof(trials), trials, $"trials must be at least 1; got {trials}.");
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes,
                $"successes must be between 0 and trials = {trials}; got {successes}.");
        if (!(confidence > 0.0 && confidence < 1.0))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence,
                $"confidence must be strictly between 0 and 1; got {confidence}.");
    }
}
