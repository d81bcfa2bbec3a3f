namespace LotteryTickets.Timing;

/// <summary>
/// One timed (model, batch size) pair: latency statistics of a forward pass of the whole batch, throughput, and the
/// model's arithmetic cost, so that time and MACs sit side by side.
/// </summary>
/// <param name="Model">Model name.</param>
/// <param name="BatchSize">Images per forward pass.</param>
/// <param name="Threads">Torch intra-op threads used.</param>
/// <param name="Repetitions">Timed forward passes.</param>
/// <param name="MedianMs">Median latency of one forward pass of the batch, in milliseconds.</param>
/// <param name="LowerQuartileMs">First quartile of the latency, ms.</param>
/// <param name="UpperQuartileMs">Third quartile of the latency, ms.</param>
/// <param name="MinMs">Fastest pass, ms.</param>
/// <param name="MacsPerImage">Nominal MACs for one image (zeros multiplied).</param>
/// <param name="EffectiveMacsPerImage">MACs with a non-zero weight for one image.</param>
/// <param name="Parameters">Stored parameters (zeros included).</param>
/// <param name="NonzeroParameters">Non-zero parameters.</param>
/// <param name="Stable">Whether the median moved by at most the stability tolerance over the last two rounds.</param>
public sealed record TimingRow(string Model, int BatchSize, int Threads, int Repetitions,
    double MedianMs, double LowerQuartileMs, double UpperQuartileMs, double MinMs,
    long MacsPerImage, long EffectiveMacsPerImage, long Parameters, long NonzeroParameters, bool Stable)
{
    /// <summary>Interquartile range of the latency, ms.</summary>
    public double IqrMs => UpperQuartileMs - LowerQuartileMs;

    /// <summary>Throughput at the median latency: <c>BatchSize / median</c>, images per second.</summary>
    public double ImagesPerSecond => BatchSize / (MedianMs / 1000);

    /// <summary>Achieved arithmetic rate, <c>MACs per image · BatchSize / median</c>, in billions of MACs per second.</summary>
    public double GmacPerSecond => MacsPerImage * (double)BatchSize / (MedianMs / 1000) / 1e9;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model}, batch {BatchSize}: median {MedianMs:G4} ms (IQR {IqrMs:G3} ms, {Repetitions} passes{(Stable ? "" : ", not stable")}), {ImagesPerSecond:G4} images/s, {GmacPerSecond:G3} GMAC/s";
}

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
