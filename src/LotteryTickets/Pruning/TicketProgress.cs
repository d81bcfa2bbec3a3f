namespace LotteryTickets.Pruning;

/// <summary>Progress of a ticket construction.</summary>
/// <param name="Variant">Which construction.</param>
/// <param name="Layer">Layer being solved.</param>
/// <param name="Done">Subset-sum instances solved so far (all layers).</param>
/// <param name="Total">Instances in all layers.</param>
/// <param name="Elapsed">Time since the construction started.</param>
public sealed record TicketProgress(TicketVariant Variant, int Layer, int Done, int Total, TimeSpan Elapsed)
{
    /// <inheritdoc />
    public override string ToString() => $"{Variant} ticket: layer {Layer}, {Done}/{Total} subset sums solved, {Elapsed.TotalSeconds:F1} s";
}
