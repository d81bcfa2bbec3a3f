using LotteryTickets.Pruning;

namespace LotteryTickets.Learning;

/// <summary>How <see cref="LearnedComparison.Run"/> compares learned masks with the constructed ticket.</summary>
/// <param name="Learning">How each mask is learned (the same options for every granularity).</param>
/// <param name="Construction">Options of the kernel ticket's construction (null: <see cref="TicketOptions.Default"/>).</param>
/// <param name="Granularities">Which learned masks to train (each also gives its random control).</param>
/// <param name="TestImages">Test images for the accuracies (null: all).</param>
public sealed record ComparisonOptions(EdgePopupOptions Learning, TicketOptions? Construction, IReadOnlyList<MaskGranularity> Granularities, int? TestImages = null)
{
    /// <summary>Every granularity, with default learning and construction options.</summary>
    public static ComparisonOptions Default { get; } = new(new EdgePopupOptions(), null, [MaskGranularity.Kernel, MaskGranularity.Channel, MaskGranularity.Weight]);

    /// <summary>Throws <see cref="ArgumentException"/> (naming the option) when an option is unusable.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Learning, nameof(Learning));
        Learning.Validate();
        Construction?.Validate();
        if (Granularities is null || Granularities.Count == 0)
            throw new ArgumentException("Granularities must list at least one granularity (Weight, Kernel or Channel).", nameof(Granularities));
        foreach (var g in Granularities)
            if (!Enum.IsDefined(g)) throw new ArgumentOutOfRangeException(nameof(Granularities), g, "each granularity must be Weight, Kernel or Channel.");
        if (Granularities.Distinct().Count() != Granularities.Count)
            throw new ArgumentException($"Granularities lists one twice: {string.Join(", ", Granularities)}.", nameof(Granularities));
        if (TestImages is < 1)
            throw new ArgumentOutOfRangeException(nameof(TestImages), TestImages, $"TestImages must be positive or null; got {TestImages}.");
    }
}
