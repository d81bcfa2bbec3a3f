using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// The paper's structured ticket, kernel variant (theory.md §3, steps 1-5). For each layer: the channel-blocked mask on
/// the 1x1 layer (hidden channel i keeps only its own input t(i)); for each output channel j, input channel t and
/// sign, one multidimensional subset sum in dimension d² chooses channels S ⊆ B_t of that sign with
/// <c>Σ_{i∈S} |u_i| V[j, i] ≈ sign · K[j, t]</c>; the kernels <c>V[j, i]</c>, i ∈ S, are kept and all others pruned; hidden
/// channels no output uses are removed. After a ReLU (and for non-negative images) only the positive half is needed.
/// </summary>
public static class KernelTicket
{
    /// <summary>Constructs the kernel-variant ticket of <paramref name="target"/> in <paramref name="random"/> (parallel over slices, deterministic).</summary>
    /// <param name="target">The target CNN.</param>
    /// <param name="random">A random network built for the target's architecture.</param>
    /// <param name="options">Slice tolerance, solver budget, parallelism (defaults when null).</param>
    /// <param name="progress">Receives a report after every solved slice.</param>
    /// <param name="cancellationToken">Cancels between slices.</param>
    /// <exception cref="ArgumentException">The random network was built for another architecture.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or n is so small that some layer offers no channel of the needed sign to any slice.</exception>
    public static Ticket Build(TargetCnn target, RandomNetwork random, TicketOptions? options = null,
        IProgress<TicketProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Ticket.Build(TicketVariant.Kernel, target, random, options, progress, cancellationToken);

    /// <summary>The kernel variant's rules.</summary>
    internal static readonly TicketVariantRules Rules = new KernelRules();

    private sealed class KernelRules : TicketVariantRules
    {
        // One kernel K[j, t]: d² values.
        internal override int Dimension(ConvLayerSpec spec) => spec.KernelArea;

        // One slice per (output j, input t, sign).
        internal override IEnumerable<Slice> Slices(ConvLayerSpec spec, int[] signs)
        {
            for (int j = 0; j < spec.OutChannels; j++)
                for (int t = 0; t < spec.InChannels; t++)
                    foreach (int sign in signs) yield return new Slice(j, t, -1, sign);
        }

        internal override Choice Choose(double[][] vectors, double[] goal, TicketOptions options, int seed, int layer, Slice slice) =>
            VectorSearch(vectors, goal, options, seed, layer, slice);

        internal override void Keep(bool[] v, int offset, int area, SliceResult result) => KeepWholeKernel(v, offset, area);
    }
}
