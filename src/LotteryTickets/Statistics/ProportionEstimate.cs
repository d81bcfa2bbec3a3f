using System.Globalization;

namespace LotteryTickets.Statistics;

/// <summary>
/// An estimated probability from <paramref name="Successes"/> out of <paramref name="Trials"/> independent
/// trials, with a confidence interval [<paramref name="Lower"/>, <paramref name="Upper"/>] at level
/// <paramref name="Confidence"/> computed by <paramref name="Method"/>. Create it with
/// <see cref="BinomialConfidence.Wilson"/> or <see cref="BinomialConfidence.ClopperPearson"/>.
/// </summary>
/// <param name="Successes">Number of successful trials.</param>
/// <param name="Trials">Number of trials (at least 1).</param>
/// <param name="Estimate">The point estimate Successes / Trials.</param>
/// <param name="Lower">Lower end of the confidence interval.</param>
/// <param name="Upper">Upper end of the confidence interval.</param>
/// <param name="Confidence">The confidence level, e.g. 0.95.</param>
/// <param name="Method">How the interval was computed.</param>
public sealed record ProportionEstimate(
    int Successes, int Trials, double Estimate, double Lower, double Upper, double Confidence, ConfidenceMethod Method)
{
    /// <summary>The same as <see cref="BinomialConfidence.Wilson"/>.</summary>
    /// <param name="successes">Number of successes, 0..trials.</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public static ProportionEstimate Wilson(int successes, int trials, double confidence = 0.95) =>
        BinomialConfidence.Wilson(successes, trials, confidence);

    /// <summary>The same as <see cref="BinomialConfidence.ClopperPearson"/>.</summary>
    /// <param name="successes">Number of successes, 0..trials.</param>
    /// <param name="trials">Number of trials, at least 1.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    public static ProportionEstimate ClopperPearson(int successes, int trials, double confidence = 0.95) =>
        BinomialConfidence.ClopperPearson(successes, trials, confidence);

    /// <summary>Whether <paramref name="p"/> lies inside the confidence interval (ends included).</summary>
    /// <param name="p">A probability.</param>
    public bool Contains(double p) => p >= Lower && p <= Upper;

    /// <summary>Reads like "0.870 [0.815, 0.910] (174/200, Wilson 95%)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Estimate:0.000} [{Lower:0.000}, {Upper:0.000}] ({Successes}/{Trials}, {Method} {Confidence:0.##%})");
}
