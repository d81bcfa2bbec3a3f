using LotteryTickets.Pruning;

namespace LotteryTickets.Learning;

/// <summary>
/// The prunable units of a random network at one <see cref="MaskGranularity"/>: per layer, the grid of units (weights
/// <c>(c_out, m, d, d)</c>, kernels <c>(c_out, m)</c> or hidden channels <c>(m)</c>, row-major) and which of them are
/// <b>live</b>, i.e. can change the network's output. A hidden channel i carries relu(u_i X_t); when the layer's input is
/// never negative (raw pixels, or any layer after a ReLU) a channel with u_i &lt; 0 outputs zero whatever the mask, so its
/// units are not live: they get no gradient, and a mask spending its budget on them would waste it. The construction
/// never uses them either (theory.md §3, step 5). Budgets count live units only.
/// </summary>
public sealed class UnitLayout
{
    private UnitLayout(RandomNetwork random, MaskGranularity granularity, IReadOnlyList<LayerUnits> layers) =>
        (Random, Granularity, Layers) = (random, granularity, layers);

    /// <summary>The random network the units belong to.</summary>
    public RandomNetwork Random { get; }

    /// <summary>What one unit is.</summary>
    public MaskGranularity Granularity { get; }

    /// <summary>One entry per random pair.</summary>
    public IReadOnlyList<LayerUnits> Layers { get; }

    /// <summary>The units of <paramref name="random"/> at <paramref name="granularity"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="granularity"/> is not a defined value.</exception>
    public static UnitLayout Of(RandomNetwork random, MaskGranularity granularity)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!Enum.IsDefined(granularity)) throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "granularity must be Weight, Kernel or Channel.");
        var layers = new LayerUnits[random.Pairs.Count];
        for (int l = 0; l < layers.Length; l++)
        {
            var pair = random.Pairs[l];
            bool nonNegative = random.Target.LayerInputNonNegative(l);
            var liveChannel = new bool[pair.Hidden];
            for (int i = 0; i < pair.Hidden; i++)
            {
                float u = pair.BlockWeight(i);
                liveChannel[i] = nonNegative ? u > 0 : u != 0;
            }
            layers[l] = new LayerUnits(l, granularity, pair.Target.OutChannels, pair.Hidden, pair.Target.KernelSize, liveChannel);
        }
        return new UnitLayout(random, granularity, layers);
    }

    /// <summary>
    /// The ticket mask that keeps the units marked in <paramref name="keptUnits"/> (one array per layer over that layer's unit
    /// grid): their weights of V, and U[i, t(i)] for every hidden channel that keeps some weight of V. Its variant is
    /// <see cref="MaskGranularityExtensions.ToVariant"/> of the granularity, so it saves, loads, compacts and folds like a
    /// constructed ticket of that variant.
    /// </summary>
    /// <exception cref="ArgumentException">An array has the wrong length, or marks a unit that is not live.</exception>
    public TicketMask ToMask(IReadOnlyList<bool[]> keptUnits)
    {
        ArgumentNullException.ThrowIfNull(keptUnits);
        if (keptUnits.Count != Layers.Count)
            throw new ArgumentException($"need one array of kept units per layer ({Layers.Count}); got {keptUnits.Count}.", nameof(keptUnits));
        var masks = new LayerMask[Layers.Count];
        for (int l = 0; l < Layers.Count; l++) masks[l] = Layers[l].ToLayerMask(Random.Pairs[l], keptUnits[l] ?? throw new ArgumentNullException(nameof(keptUnits)));
        return new TicketMask(Granularity.ToVariant(), Random.Target, Random.HiddenPerInput, Random.Seed, masks);
    }

    /// <summary>
    /// How many units of each layer <paramref name="mask"/> keeps at this granularity: weights of V, kernels with a kept
    /// entry, or hidden channels with a kept weight of V.
    /// </summary>
    /// <exception cref="ArgumentException">The mask belongs to another random network.</exception>
    public int[] KeptUnits(TicketMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        mask.CheckCompatible(Random);
        return KeptUnitArrays(mask).Select(kept => kept.Count(b => b)).ToArray();
    }

    /// <summary>
    /// Which units <paramref name="mask"/> keeps, one array per layer over the unit grid: a unit counts as kept when any of
    /// its weights of V is kept.
    /// </summary>
    /// <exception cref="ArgumentException">The mask belongs to another random network.</exception>
    public bool[][] KeptUnitArrays(TicketMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        mask.CheckCompatible(Random);
        return Layers.Select(l => l.Kept(mask.Layers[l.Layer])).ToArray();
    }

    /// <summary>Live units per layer.</summary>
    public int[] LiveCounts() => Layers.Select(l => l.LiveCount).ToArray();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Granularity.Describe()} of {Random}: live units per layer [{string.Join(", ", LiveCounts())}]";
}
