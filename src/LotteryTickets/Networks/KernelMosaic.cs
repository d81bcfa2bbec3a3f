namespace LotteryTickets.Networks;

/// <summary>
/// Lays out the kernels of one or more weight tensors of the same layer shape as a single matrix for one heatmap with
/// one colour scale: kernel <c>W[j, t]</c> of set s occupies rows <c>j (d + 1) .. j (d + 1) + d - 1</c> and the columns of
/// block t within panel s; the cells between kernels and panels are NaN (drawn empty). Comparing a target kernel with its
/// approximations side by side is then a matter of looking along a row.
/// </summary>
public static class KernelMosaic
{
    /// <summary>The mosaic of <paramref name="weightSets"/> (each row-major <c>(c_out, c_in, d, d)</c> for <paramref name="spec"/>), panels left to right.</summary>
    public static double[,] Tile(ConvLayerSpec spec, params IReadOnlyList<IReadOnlyList<double>> weightSets)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weightSets);
        if (weightSets.Count == 0) throw new ArgumentException("need at least one weight set.", nameof(weightSets));
        int d = spec.KernelSize, panelWidth = spec.InChannels * (d + 1) - 1, gap = 2;
        var mosaic = new double[spec.OutChannels * (d + 1) - 1, weightSets.Count * (panelWidth + gap) - gap];
        for (int r = 0; r < mosaic.GetLength(0); r++)
            for (int c = 0; c < mosaic.GetLength(1); c++) mosaic[r, c] = double.NaN;
        for (int s = 0; s < weightSets.Count; s++)
        {
            var w = weightSets[s] ?? throw new ArgumentException($"weight set {s} is null.", nameof(weightSets));
            if (w.Count != spec.WeightCount)
                throw new ArgumentException($"weight set {s} has {w.Count} entries; {spec} needs {spec.WeightCount}.", nameof(weightSets));
            for (int j = 0; j < spec.OutChannels; j++)
                for (int t = 0; t < spec.InChannels; t++)
                    for (int a = 0; a < d; a++)
                        for (int b = 0; b < d; b++)
                            mosaic[j * (d + 1) + a, s * (panelWidth + gap) + t * (d + 1) + b] = w[((j * spec.InChannels + t) * d + a) * d + b];
        }
        return mosaic;
    }

    /// <summary>The mosaic of float weight sets (converted to double).</summary>
    public static double[,] Tile(ConvLayerSpec spec, params IReadOnlyList<float[]> weightSets)
    {
        ArgumentNullException.ThrowIfNull(weightSets);
        return Tile(spec, weightSets.Select(w => (IReadOnlyList<double>)Array.ConvertAll(w, v => (double)v)).ToArray());
    }
}
