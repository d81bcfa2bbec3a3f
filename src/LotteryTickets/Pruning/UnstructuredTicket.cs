using LotteryTickets.Networks;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Pruning;

/// <summary>
/// The unstructured baseline (da Cunha, Natale, Viennot, ICLR 2022): the same random pair and block mask, but each
/// kernel entry <c>K[j, t, a, b]</c> gets its own one-dimensional subset sum over <c>|u_i| V[j, i, a, b]</c>, solved exactly
/// by meet in the middle. It needs only O(log 1/ε) channels per block, but keeps individual weights: the mask is
/// irregular and cannot be turned into smaller dense layers.
/// </summary>
public static class UnstructuredTicket
{
    /// <summary>Constructs the unstructured ticket; see <see cref="KernelTicket.Build"/> for the parameters (the slice tolerance is not used: each entry gets its exact best subset).</summary>
    public static Ticket Build(TargetCnn target, RandomNetwork random, TicketOptions? options = null,
        IProgress<TicketProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Ticket.Build(TicketVariant.Unstructured, target, random, options, progress, cancellationToken);

    /// <summary>The unstructured baseline tries pools of 8, 16, 24, ... channels until a subset meets the tolerance.</summary>
    internal const int PoolStep = 8;

    /// <summary>The unstructured variant's rules.</summary>
    internal static readonly TicketVariantRules Rules = new UnstructuredRules();

    private sealed class UnstructuredRules : TicketVariantRules
    {
        // One kernel entry K[j, t, a, b].
        internal override int Dimension(ConvLayerSpec spec) => 1;

        // One slice per (output j, input t, entry, sign).
        internal override IEnumerable<Slice> Slices(ConvLayerSpec spec, int[] signs)
        {
            for (int j = 0; j < spec.OutChannels; j++)
                for (int t = 0; t < spec.InChannels; t++)
                    for (int e = 0; e < spec.KernelArea; e++)
                        foreach (int sign in signs) yield return new Slice(j, t, e, sign);
        }

        // Meet in the middle is exponential in the pool: offer at most UnstructuredCandidates channels.
        internal override int[] Pool(int[] offered, TicketOptions options) =>
            offered.Length > options.UnstructuredCandidates ? offered[..options.UnstructuredCandidates] : offered;

        internal override Choice Choose(double[][] vectors, double[] goal, TicketOptions options, int seed, int layer, Slice slice)
        {
            // Grow the pool in steps until the tolerance is met: O(log 1/eps) channels per weight suffice in one dimension,
            // and a small pool keeps the kept subset small (the exact best subset of a large pool uses about half of it).
            var values = vectors.Select(v => v[0]).ToArray();
            SubsetChoice best;
            int size = Math.Min(PoolStep, values.Length);
            while (true)
            {
                best = MeetInTheMiddle.BestSubset(values.AsSpan(0, size), goal[0]);
                if (best.Error <= options.SliceTolerance || size == values.Length) break;
                size = Math.Min(size + PoolStep, values.Length);
            }
            return new Choice(best.Indices, best.Error, true, size);
        }

        // Only the entry K[j, t, a, b] of kernel V[j, i].
        internal override void Keep(bool[] v, int offset, int area, SliceResult result) => v[offset + result.Entry] = true;
    }
}
