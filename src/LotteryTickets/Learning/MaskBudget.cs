using LotteryTickets.Pruning;

namespace LotteryTickets.Learning;

/// <summary>
/// How many units a learned mask keeps in each layer: exactly <c>k_l</c> units of layer l, the top <c>k_l</c> scores
/// (edge-popup keeps a fixed share per layer, as here). Build one from explicit counts, from a density (a share of each
/// layer's live units), or to match the kept weights of another mask, such as the constructed kernel ticket.
/// </summary>
public sealed record MaskBudget
{
    private MaskBudget(int[] units, string description) => (UnitsPerLayer, Description) = (units, description);

    /// <summary>Units to keep in each layer.</summary>
    public IReadOnlyList<int> UnitsPerLayer { get; }

    /// <summary>Where the budget came from, in words.</summary>
    public string Description { get; }

    /// <summary>A budget of <paramref name="unitsPerLayer"/>[l] units in layer l.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1 (a layer keeping nothing outputs zeros, and the network a constant).</exception>
    public static MaskBudget Units(params int[] unitsPerLayer)
    {
        ArgumentNullException.ThrowIfNull(unitsPerLayer);
        if (unitsPerLayer.Length == 0) throw new ArgumentException("a budget needs one unit count per layer; got none.", nameof(unitsPerLayer));
        for (int l = 0; l < unitsPerLayer.Length; l++)
            if (unitsPerLayer[l] < 1)
                throw new ArgumentOutOfRangeException(nameof(unitsPerLayer), unitsPerLayer[l],
                    $"unitsPerLayer[{l}] (k) must be at least 1: a layer that keeps no unit outputs zeros; got {unitsPerLayer[l]}.");
        return new MaskBudget(unitsPerLayer.ToArray(), $"k = [{string.Join(", ", unitsPerLayer)}] units");
    }

    /// <summary>
    /// Keeps round(<paramref name="density"/> × live units) units of each layer (at least one): the share edge-popup calls
    /// <c>k%</c>. Density is a share of the <b>live</b> units (<see cref="UnitLayout"/>), in (0, 1].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="density"/> is not in (0, 1].</exception>
    public static MaskBudget FromDensity(UnitLayout layout, double density)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!(density > 0 && density <= 1))
            throw new ArgumentOutOfRangeException(nameof(density), density, $"density (the share of each layer's live units kept) must be in (0, 1]; got {density}.");
        var units = layout.Layers.Select(l => (int)Math.Clamp(Math.Round(density * l.LiveCount, MidpointRounding.AwayFromZero), 1, Math.Max(1, l.LiveCount))).ToArray();
        return new MaskBudget(units, $"density {density:G4} of the live {layout.Granularity.Describe()}");
    }

    /// <summary>
    /// The budget that keeps, in each layer, as many weights of the d x d layer V as <paramref name="reference"/> keeps there
    /// (kept V weights ÷ weights per unit, rounded, at least 1 and at most the live units): exact for weights and kernels
    /// when the reference keeps whole kernels, within half a channel for channels. The 1x1 layer then keeps one weight per
    /// used hidden channel, as in the construction, so total kept weights can differ by the number of channels used.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reference"/> was made for another random network than the layout's.</exception>
    public static MaskBudget MatchingKeptWeights(UnitLayout layout, TicketMask reference)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(reference);
        try
        {
            reference.CheckCompatible(layout.Random);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the reference mask does not fit the layout's random network: {e.Message}", nameof(reference), e);
        }
        var units = layout.Layers.Select(l =>
        {
            long keptV = reference.Layers[l.Layer].V.LongCount(b => b);
            return (int)Math.Clamp(Math.Round((double)keptV / l.WeightsPerUnit, MidpointRounding.AwayFromZero), 1, Math.Max(1, l.LiveCount));
        }).ToArray();
        return new MaskBudget(units, $"the kept d x d weights of the {reference.Variant.ToString().ToLowerInvariant()} mask, in {layout.Granularity.Describe()}");
    }

    /// <summary>Throws unless this budget fits <paramref name="layout"/>: one count per layer, each at most the layer's live units.</summary>
    /// <param name="layout">The units the budget will be spent on.</param>
    /// <param name="parameterName">The parameter name the exception reports.</param>
    /// <exception cref="ArgumentException">The layer counts differ (a budget made for a network of another architecture).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Some k is larger than the layer's live units.</exception>
    public void CheckFits(UnitLayout layout, string parameterName = "budget")
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (UnitsPerLayer.Count != layout.Layers.Count)
            throw new ArgumentException(
                $"the budget has {UnitsPerLayer.Count} layer(s) but the random network has {layout.Layers.Count}: a budget made for another architecture?", parameterName);
        for (int l = 0; l < UnitsPerLayer.Count; l++)
            if (UnitsPerLayer[l] > layout.Layers[l].LiveCount)
                throw new ArgumentOutOfRangeException(parameterName, UnitsPerLayer[l],
                    $"layer {l}: k = {UnitsPerLayer[l]:N0} units asked, but the layer has only {layout.Layers[l].LiveCount:N0} live {layout.Granularity.Describe()} " +
                    $"({layout.Layers[l].Count:N0} in all; units of channels that output zero whatever the mask cannot be kept).");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Description}: k = [{string.Join(", ", UnitsPerLayer)}]";
}
