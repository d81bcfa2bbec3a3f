using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// Collapses each kept random pair into one convolution of the target's shape (theory.md §3, step 7). On
/// non-negative inputs a kept hidden channel i with u_i &gt; 0 computes relu(u_i X_t) = u_i X_t, which is linear, so
/// the pair's output is one d x d convolution with kernel <c>K_hat[j, t] = Σ_{kept i in B_t} u_i (M_V ⊙ V)[j, i]</c>
/// (channels with u_i &lt; 0 output zero and drop out). With signed inputs (a first layer fed normalised images) the
/// pair computes <c>A+ * relu(X) + A- * relu(-X)</c>, which folds into a sign split and one convolution over 2 c_in
/// channels. The folded network shows what a ticket is: the target with slightly perturbed weights K_hat ≈ K.
/// </summary>
public static class Folding
{
    /// <summary>
    /// The kernels of the folded ticket, per layer: <c>Positive</c> multiplies relu(X) (for non-negative inputs, X itself)
    /// and approximates K; <c>Negative</c> multiplies relu(-X) and approximates -K (null for layers with non-negative input).
    /// Both row-major <c>(c_out, c_in, d, d)</c>, summed in double precision.
    /// </summary>
    /// <exception cref="ArgumentException">A kept hidden channel mixes input channels in a way that is not linear (mixed signs, or several inputs on a signed layer).</exception>
    public static IReadOnlyList<FoldedLayer> Kernels(RandomNetwork random, TicketMask mask)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(mask);
        mask.CheckCompatible(random);
        var result = new List<FoldedLayer>();
        for (int l = 0; l < random.Pairs.Count; l++)
        {
            var pair = random.Pairs[l];
            var m = mask.Layers[l];
            var s = pair.Target;
            bool nonNegative = random.Target.LayerInputNonNegative(l);
            int area = s.KernelArea, cin = s.InChannels;
            var positive = new double[s.WeightCount];
            double[]? negative = nonNegative ? null : new double[s.WeightCount];
            foreach (int i in m.UsedChannels())
            {
                var kept = Enumerable.Range(0, cin).Where(t => m.U[i * cin + t]).ToArray();
                bool allPositive = kept.All(t => pair.U[i * cin + t] >= 0), allNegative = kept.All(t => pair.U[i * cin + t] <= 0);
                if (nonNegative && allNegative) continue; // relu of a non-positive combination of non-negative inputs is zero
                if (nonNegative && !allPositive || !nonNegative && kept.Length > 1)
                    throw new ArgumentException(
                        $"layer {l}: hidden channel {i} keeps U entries {string.Join(", ", kept)} of mixed sign{(nonNegative ? "" : " on a signed input")}; relu of such a combination is not linear, so the pair cannot be folded.",
                        nameof(mask));
                foreach (int t in kept)
                {
                    double u = pair.U[i * cin + t];
                    var into = u >= 0 ? positive : negative!;
                    double weight = Math.Abs(u);
                    for (int j = 0; j < s.OutChannels; j++)
                    {
                        int from = (j * pair.Hidden + i) * area, to = (j * cin + t) * area;
                        for (int e = 0; e < area; e++)
                            if (m.V[from + e]) into[to + e] += weight * pair.V[from + e];
                    }
                }
            }
            result.Add(new FoldedLayer(l, positive, negative));
        }
        return result;
    }

    /// <summary>The folded ticket as a network of the target's shape (plus a sign split before each signed-input layer).</summary>
    public static ConvNetwork Fold(RandomNetwork random, TicketMask mask, string? name = null)
    {
        var layers = Kernels(random, mask);
        var ops = new List<NetworkOp>();
        for (int l = 0; l < layers.Count; l++)
        {
            var s = random.Target.Layers[l];
            bool relu = l < layers.Count - 1;
            var f = layers[l];
            if (f.Negative is null)
            {
                ops.Add(new ConvOp(s.InChannels, s.OutChannels, s.KernelSize, s.Stride, s.Padding, 1, Array.ConvertAll(f.Positive, w => (float)w), relu));
                continue;
            }
            int area = s.KernelArea, cin = s.InChannels;
            var weight = new float[s.OutChannels * 2 * cin * area];
            for (int j = 0; j < s.OutChannels; j++)
                for (int t = 0; t < cin; t++)
                    for (int e = 0; e < area; e++)
                    {
                        weight[(j * 2 * cin + t) * area + e] = (float)f.Positive[(j * cin + t) * area + e];
                        weight[(j * 2 * cin + cin + t) * area + e] = (float)f.Negative[(j * cin + t) * area + e];
                    }
            ops.Add(new SignSplitOp(cin));
            ops.Add(new ConvOp(2 * cin, s.OutChannels, s.KernelSize, s.Stride, s.Padding, 1, weight, relu));
        }
        return new ConvNetwork(name ?? $"{mask.Variant.ToString().ToLowerInvariant()} ticket (folded)", random.Target.InputChannels, random.Target.ImageSize, ops, random.Target.InputNonNegative);
    }
}
