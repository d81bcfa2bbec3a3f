using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// Builds the physically smaller network a ticket stands for: hidden channels that no kept weight uses are removed
/// (their 1x1 filter and their input slice of the d x d convolution), the 1x1 layer becomes a channel-blocked layer
/// over the kept channels (<see cref="OneByOneForm"/>), and the d x d convolution is restricted to the kept channels
/// with the target's stride and padding. The result computes exactly what the masked random network computes
/// (up to float rounding), with fewer weights and MACs.
/// </summary>
public static class Compaction
{
    /// <summary>The compact network of <paramref name="mask"/> on <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentException">The mask does not fit the random network, or <paramref name="form"/> is Gather or
    /// Grouped while some kept hidden channel reads more than one input channel (use Dense for such masks).</exception>
    public static ConvNetwork Compact(RandomNetwork random, TicketMask mask, OneByOneForm form = OneByOneForm.Gather, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(mask);
        mask.CheckCompatible(random);
        if (!Enum.IsDefined(form)) throw new ArgumentOutOfRangeException(nameof(form), form, "form must be Gather, Grouped or Dense.");
        var ops = new List<NetworkOp>();
        for (int l = 0; l < random.Pairs.Count; l++)
        {
            var pair = random.Pairs[l];
            var m = mask.Layers[l];
            var s = pair.Target;
            int[] used = m.UsedChannels();
            // A layer with no surviving channel outputs zeros; one zero channel keeps the shapes valid.
            int[] columns = used.Length > 0 ? used : [-1];
            int[] source = columns.Select(i => i < 0 ? 0 : SingleSource(m, i, form, l)).ToArray();
            float[] scale = columns.Select((i, k) => i < 0 ? 0f : pair.U[i * s.InChannels + source[k]]).ToArray();

            if (form == OneByOneForm.Grouped)
            {
                // Pad every block to the largest block so that groups = c_in has equal group sizes.
                int width = Math.Max(1, Enumerable.Range(0, s.InChannels).Max(t => source.Where((src, k) => columns[k] >= 0 && src == t).Count()));
                var padded = Enumerable.Repeat(-1, s.InChannels * width).ToArray();
                var paddedScale = new float[padded.Length];
                var fill = new int[s.InChannels];
                for (int k = 0; k < columns.Length; k++)
                {
                    if (columns[k] < 0) continue;
                    int slot = source[k] * width + fill[source[k]]++;
                    padded[slot] = columns[k];
                    paddedScale[slot] = scale[k];
                }
                columns = padded;
                ops.Add(new ConvOp(s.InChannels, columns.Length, 1, 1, 0, s.InChannels, paddedScale, relu: true));
            }
            else if (form == OneByOneForm.Gather)
            {
                ops.Add(new ChannelScaleOp(s.InChannels, source, scale, relu: true));
            }
            else
            {
                var dense = new float[columns.Length * s.InChannels];
                for (int k = 0; k < columns.Length; k++)
                {
                    int i = columns[k];
                    if (i < 0) continue;
                    for (int t = 0; t < s.InChannels; t++)
                        if (m.U[i * s.InChannels + t]) dense[k * s.InChannels + t] = pair.U[i * s.InChannels + t];
                }
                ops.Add(new ConvOp(s.InChannels, columns.Length, 1, 1, 0, 1, dense, relu: true));
            }
            ops.Add(new ConvOp(columns.Length, s.OutChannels, s.KernelSize, s.Stride, s.Padding, 1, RestrictV(pair, m, columns), relu: !pair.IsLast));
        }
        string title = name ?? $"{mask.Variant.ToString().ToLowerInvariant()} ticket (compact, {form.ToString().ToLowerInvariant()} 1x1)";
        return new ConvNetwork(title, random.Target.InputChannels, random.Target.ImageSize, ops, random.Target.InputNonNegative);
    }

    private static int SingleSource(LayerMask m, int hidden, OneByOneForm form, int layer)
    {
        int found = -1;
        for (int t = 0; t < m.InChannels; t++)
        {
            if (!m.U[hidden * m.InChannels + t]) continue;
            if (found >= 0 && form != OneByOneForm.Dense)
                throw new ArgumentException(
                    $"layer {layer}: hidden channel {hidden} keeps more than one input channel of U, so the 1x1 layer is not channel-blocked; form {form} needs a block mask, use OneByOneForm.Dense.",
                    nameof(form));
            if (found < 0) found = t;
        }
        return found;
    }

    private static float[] RestrictV(RandomPair pair, LayerMask m, int[] columns)
    {
        int area = pair.Target.KernelArea, cout = pair.Target.OutChannels;
        var v = new float[cout * columns.Length * area];
        for (int j = 0; j < cout; j++)
            for (int k = 0; k < columns.Length; k++)
            {
                int i = columns[k];
                if (i < 0) continue;
                int from = (j * pair.Hidden + i) * area, to = (j * columns.Length + k) * area;
                for (int e = 0; e < area; e++)
                    if (m.V[from + e]) v[to + e] = pair.V[from + e];
            }
        return v;
    }
}
