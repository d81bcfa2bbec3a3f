namespace LotteryTickets.Pruning;

/// <summary>Per-layer <see cref="LayerStatistics"/> of a ticket and their totals (same definitions, summed over layers).</summary>
/// <param name="Variant">The ticket's variant.</param>
/// <param name="Layers">One row per layer.</param>
/// <param name="Total">Totals over layers, reported as layer -1.</param>
public sealed record TicketStatistics(TicketVariant Variant, IReadOnlyList<LayerStatistics> Layers, LayerStatistics Total)
{
    internal static TicketStatistics Of(TicketMask mask)
    {
        var rows = new List<LayerStatistics>();
        for (int l = 0; l < mask.Layers.Count; l++)
        {
            var m = mask.Layers[l];
            long target = mask.Architecture.Layers[l].WeightCount;
            long random = m.U.LongLength + m.V.LongLength;
            long kept = m.U.LongCount(b => b) + m.V.LongCount(b => b);
            int filters = m.UsedChannels().Length;
            long kernels = (long)m.OutChannels * m.Hidden, keptKernels = 0;
            for (int j = 0; j < m.OutChannels; j++)
                for (int i = 0; i < m.Hidden; i++) if (m.KernelKept(j, i)) keptKernels++;
            rows.Add(Row(l, target, random, kept, m.Hidden, filters, kernels, keptKernels));
        }
        var total = Row(-1, rows.Sum(r => r.TargetWeights), rows.Sum(r => r.RandomWeights), rows.Sum(r => r.KeptWeights),
            rows.Sum(r => r.HiddenChannels), rows.Sum(r => r.KeptFilters), rows.Sum(r => r.Kernels), rows.Sum(r => r.KeptKernels));
        return new TicketStatistics(mask.Variant, rows, total);
    }

    private static LayerStatistics Row(int layer, long target, long random, long kept, int hidden, int filters, long kernels, long keptKernels)
    {
        double density = (double)kept / random;
        return new LayerStatistics(layer, target, random, kept, density, 1 - density, hidden, filters, kernels, keptKernels,
            (double)random / target, (double)kept / target);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Variant} ticket: keeps {Total.KeptWeights:N0} of {Total.RandomWeights:N0} random weights (density {Total.Density:P2}, sparsity {Total.Sparsity:P2}), " +
        $"{Total.KeptFilters} of {Total.HiddenChannels} hidden channels, {Total.KeptPerTargetWeight:F1} weights per target weight";
}
