namespace LotteryTickets.Timing;

/// <summary>The per-layer costs of a model and their totals, for one input image.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="InputShape">Shape of one input image, e.g. "1x28x28".</param>
/// <param name="Layers">One row per counted layer, in execution order.</param>
public sealed record ModelCost(string Model, string InputShape, IReadOnlyList<LayerCost> Layers)
{
    /// <summary>Total stored parameters.</summary>
    public long Parameters => Layers.Sum(l => l.Parameters);

    /// <summary>Total non-zero parameters.</summary>
    public long NonzeroParameters => Layers.Sum(l => l.NonzeroParameters);

    /// <summary>Total nominal MACs for one image (zeros multiplied).</summary>
    public long Macs => Layers.Sum(l => l.Macs);

    /// <summary>Total MACs with a non-zero weight for one image.</summary>
    public long EffectiveMacs => Layers.Sum(l => l.EffectiveMacs);

    /// <summary>Fraction of parameters that are not zero.</summary>
    public double Density => Parameters == 0 ? 1 : (double)NonzeroParameters / Parameters;

    /// <summary>
    /// Values in the largest single layer output (or the input) for one image. Times the batch size and 4 bytes, it is
    /// the largest activation tensor a forward pass allocates (see <see cref="MallocTuning.WorkerArenaLimitBytes"/>).
    /// </summary>
    public long LargestActivationElements => Math.Max(LayerCost.Elements(InputShape), Layers.Select(l => l.OutputElements).DefaultIfEmpty(0).Max());

    /// <inheritdoc />
    public override string ToString() =>
        $"{Model} ({InputShape} input): {Parameters:N0} parameters ({NonzeroParameters:N0} non-zero), {Macs:N0} MACs per image ({EffectiveMacs:N0} with non-zero weights)";
}
