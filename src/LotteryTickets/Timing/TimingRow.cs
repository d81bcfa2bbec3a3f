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
