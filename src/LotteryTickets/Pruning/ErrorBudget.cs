using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// A worst-case bound on how far a ticket's class scores can be from the target's, for every input with
/// ||X||_max ≤ <see cref="InputBound"/> (theory.md §3, error budget, re-derived here).
/// <para>
/// One layer. The ticket computes <c>A+ * relu(X) + A- * relu(-X)</c> per input channel (only <c>A+ * X</c> when X ≥ 0),
/// the target <c>K * X = K * relu(X) - K * relu(-X)</c>. At each pixel only one of relu(x), relu(-x) is non-zero, so output j
/// moves by at most <c>E = max_j Σ_t Σ_ab max(|A+ - K|, |A- + K|)_{jtab} · ||X||_max</c>. If every slice error is ≤ η in
/// max-norm, <c>E ≤ c_in d² η</c> (docs/theory.md section 3.9; no factor 2 is needed because the two halves never
/// act on the same pixel).
/// </para>
/// <para>
/// Several layers. With <c>e_l</c> the bound after layer l, <c>B_l</c> a bound on the target's activations and
/// <c>Lip_l</c> the ticket layer's Lipschitz constant in max-norm (<c>max_j Σ_t Σ_ab max(|A+|, |A-|)</c>):
/// <c>e_l ≤ Lip_l e_{l-1} + E_l B_{l-1}</c>, <c>B_l ≤ L_l B_{l-1}</c> with <c>L_l = max_j Σ_t ||K[j, t]||_1</c>, because
/// ReLU is 1-Lipschitz and does not increase |·|. Global average pooling is 1-Lipschitz, so the class scores move by at most
/// <c>e_L</c>. The bound is rigorous and usually far above measured errors: it assumes every error adds up in the worst direction.
/// </para>
/// </summary>
/// <param name="InputBound">The bound on ||X||_max the figures assume.</param>
/// <param name="Layers">The recursion layer by layer.</param>
/// <param name="Bound">The bound on the sup-norm difference of class scores, <c>e_L</c>.</param>
public sealed record ErrorBudget(double InputBound, IReadOnlyList<LayerBudget> Layers, double Bound)
{
    /// <summary>The a-posteriori budget of a ticket from its folded kernels (the kernels it actually computes).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A folded entry is not finite, or <paramref name="inputBound"/> is negative or not finite.</exception>
    public static ErrorBudget FromFolded(TargetCnn target, IReadOnlyList<FoldedLayer> folded, double inputBound = 1.0)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Count != target.Kernels.Count)
            throw new ArgumentException($"need one folded layer per target layer ({target.Kernels.Count}); got {folded.Count}.", nameof(folded));
        CheckInputBound(inputBound);
        for (int l = 0; l < folded.Count; l++)
        {
            ArgumentNullException.ThrowIfNull(folded[l], $"folded[{l}]");
            CheckFinite(folded[l].Positive, l, "positive");
            if (folded[l].Negative is { } negative) CheckFinite(negative, l, "negative");
        }
        var rows = new List<LayerBudget>();
        double e = 0, b = inputBound;
        for (int l = 0; l < folded.Count; l++)
        {
            var s = target.Architecture.Layers[l];
            var k = target.Kernels[l];
            var f = folded[l];
            if (f.Positive.Length != k.Length || f.Negative is not null && f.Negative.Length != k.Length)
                throw new ArgumentException($"folded layer {l} has the wrong number of entries (need {k.Length}).", nameof(folded));
            int perOutput = s.InChannels * s.KernelArea;
            double lTarget = 0, lTicket = 0, kernelError = 0;
            for (int j = 0; j < s.OutChannels; j++)
            {
                double rowTarget = 0, rowTicket = 0, rowError = 0;
                for (int q = j * perOutput; q < (j + 1) * perOutput; q++)
                {
                    rowTarget += Math.Abs(k[q]);
                    double plusError = Math.Abs(f.Positive[q] - k[q]);
                    if (f.Negative is null)
                    {
                        rowTicket += Math.Abs(f.Positive[q]);
                        rowError += plusError;
                    }
                    else
                    {
                        rowTicket += Math.Max(Math.Abs(f.Positive[q]), Math.Abs(f.Negative[q]));
                        rowError += Math.Max(plusError, Math.Abs(f.Negative[q] + k[q]));
                    }
                }
                lTarget = Math.Max(lTarget, rowTarget);
                lTicket = Math.Max(lTicket, rowTicket);
                kernelError = Math.Max(kernelError, rowError);
            }
            double next = lTicket * e + kernelError * b;
            rows.Add(new LayerBudget(l, b, lTarget, lTicket, kernelError, next));
            e = next;
            b *= lTarget;
        }
        return new ErrorBudget(inputBound, rows, e);
    }

    /// <summary>
    /// The a-priori budget when every slice of layer l has max-norm error at most <paramref name="sliceErrors"/>[l]
    /// (η_l): <c>E_l = c_in d² η_l</c> and <c>Lip_l ≤ L_l + c_in d² η_l</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A slice error is negative or not finite, or <paramref name="inputBound"/> is.</exception>
    public static ErrorBudget FromSliceErrors(TargetCnn target, IReadOnlyList<double> sliceErrors, double inputBound = 1.0)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sliceErrors);
        if (sliceErrors.Count != target.Kernels.Count)
            throw new ArgumentException($"need one slice error per layer ({target.Kernels.Count}); got {sliceErrors.Count}.", nameof(sliceErrors));
        for (int l = 0; l < sliceErrors.Count; l++)
            if (!(sliceErrors[l] >= 0) || double.IsInfinity(sliceErrors[l]))
                throw new ArgumentOutOfRangeException(nameof(sliceErrors), sliceErrors[l],
                    $"sliceErrors[{l}] must be a finite error bound, at least 0; got {sliceErrors[l]}.");
        CheckInputBound(inputBound);
        var rows = new List<LayerBudget>();
        double e = 0, b = inputBound;
        for (int l = 0; l < sliceErrors.Count; l++)
        {
            var s = target.Architecture.Layers[l];
            double lTarget = TargetLipschitz(target, l);
            double kernelError = (double)s.InChannels * s.KernelArea * sliceErrors[l];
            double next = (lTarget + kernelError) * e + kernelError * b;
            rows.Add(new LayerBudget(l, b, lTarget, lTarget + kernelError, kernelError, next));
            e = next;
            b *= lTarget;
        }
        return new ErrorBudget(inputBound, rows, e);
    }

    private static void CheckInputBound(double inputBound)
    {
        if (!(inputBound >= 0) || double.IsInfinity(inputBound))
            throw new ArgumentOutOfRangeException(nameof(inputBound), inputBound, $"inputBound must be finite and non-negative; got {inputBound}.");
    }

    private static void CheckFinite(double[] weights, int layer, string half)
    {
        int bad = Array.FindIndex(weights, w => !double.IsFinite(w));
        if (bad >= 0)
            throw new ArgumentOutOfRangeException("folded", weights[bad], $"folded layer {layer} has a non-finite {half} kernel entry at position {bad} ({weights[bad]}).");
    }

    /// <summary>The target layer's Lipschitz constant in max-norm, <c>max_j Σ_t ||K[j, t]||_1</c>.</summary>
    public static double TargetLipschitz(TargetCnn target, int layer)
    {
        ArgumentNullException.ThrowIfNull(target);
        var s = target.Architecture.Layers[layer];
        var k = target.Kernels[layer];
        int perOutput = s.InChannels * s.KernelArea;
        double best = 0;
        for (int j = 0; j < s.OutChannels; j++)
        {
            double row = 0;
            for (int q = j * perOutput; q < (j + 1) * perOutput; q++) row += Math.Abs(k[q]);
            best = Math.Max(best, row);
        }
        return best;
    }

    /// <inheritdoc />
    public override string ToString() => $"error budget for ||X||_max <= {InputBound}: class scores within {Bound:G4} of the target's";
}
