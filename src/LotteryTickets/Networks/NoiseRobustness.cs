namespace LotteryTickets.Networks;

/// <summary>Accuracy of a target under kernel noise of one size.</summary>
/// <param name="Eta">Max-norm of the noise on every kernel slice.</param>
/// <param name="Noise">Kind of noise.</param>
/// <param name="CleanAccuracy">Accuracy without noise.</param>
/// <param name="Accuracies">Accuracy for each noise draw.</param>
public sealed record NoiseRobustness(double Eta, KernelNoise Noise, double CleanAccuracy, IReadOnlyList<double> Accuracies)
{
    /// <summary>Mean accuracy over the draws.</summary>
    public double Mean => Accuracies.Average();

    /// <summary>Lowest accuracy over the draws.</summary>
    public double Worst => Accuracies.Min();

    /// <summary>Mean loss of accuracy against the clean target, in points (percent).</summary>
    public double MeanDropPoints => 100 * (CleanAccuracy - Mean);

    /// <inheritdoc />
    public override string ToString() =>
        $"eta {Eta:G3} ({Noise}): mean {Mean:P2}, worst {Worst:P2} over {Accuracies.Count} draws; clean {CleanAccuracy:P2}, mean drop {MeanDropPoints:F2} points";
}
