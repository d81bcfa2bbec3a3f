namespace LotteryTickets.Timing;

/// <summary>
/// Measured speed-up of a model over a baseline at one batch size, next to the ratio of their nominal MACs (the ideal
/// speed-up if time were proportional to arithmetic).
/// </summary>
/// <param name="Model">The faster (smaller) model.</param>
/// <param name="Baseline">The model compared against.</param>
/// <param name="BatchSize">Batch size.</param>
/// <param name="MacRatio">Baseline MACs divided by model MACs (nominal, zeros counted): the ideal speed-up.</param>
/// <param name="SpeedUp">Baseline median latency divided by model median latency.</param>
/// <param name="SpeedUpLow">Pessimistic speed-up: baseline first quartile over model third quartile.</param>
/// <param name="SpeedUpHigh">Optimistic speed-up: baseline third quartile over model first quartile.</param>
public sealed record SpeedupRow(string Model, string Baseline, int BatchSize, double MacRatio, double SpeedUp, double SpeedUpLow, double SpeedUpHigh)
{
    /// <summary>Fraction of the ideal speed-up reached, <c>SpeedUp / MacRatio</c> (1 = time proportional to MACs).</summary>
    public double Efficiency => SpeedUp / MacRatio;

    /// <summary>The speed-up of <paramref name="model"/> over <paramref name="baseline"/> (same batch size).</summary>
    /// <exception cref="ArgumentException">The rows have different batch sizes.</exception>
    public static SpeedupRow Of(TimingRow model, TimingRow baseline)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(baseline);
        if (model.BatchSize != baseline.BatchSize)
            throw new ArgumentException($"both rows must have the same batch size; got {model.BatchSize} and {baseline.BatchSize}.", nameof(baseline));
        return new SpeedupRow(model.Model, baseline.Model, model.BatchSize,
            (double)baseline.MacsPerImage / model.MacsPerImage,
            baseline.MedianMs / model.MedianMs,
            baseline.LowerQuartileMs / model.UpperQuartileMs,
            baseline.UpperQuartileMs / model.LowerQuartileMs);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model} vs {Baseline}, batch {BatchSize}: {SpeedUp:F2}x (IQR bounds {SpeedUpLow:F2}–{SpeedUpHigh:F2}) for a MAC ratio of {MacRatio:F2} ({Efficiency:P0} of ideal)";
}
