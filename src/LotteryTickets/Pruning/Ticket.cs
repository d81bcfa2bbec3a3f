using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// A strong lottery ticket found in a random network without training: the mask, the target and random network it
/// belongs to, and an honest account of how well each subset-sum slice was approximated. From it come the networks
/// that compute the ticket: <see cref="Masked"/> (zeros in place), <see cref="Compact"/> (physically smaller) and
/// <see cref="Folded"/> (target-shaped, kernels K_hat ≈ K). Build one with <see cref="Build"/> (any variant), or with
/// <see cref="KernelTicket.Build"/>, <see cref="FilterTicket.Build"/> or <see cref="UnstructuredTicket.Build"/>.
/// </summary>
public sealed class Ticket
{
    internal Ticket(TicketVariant variant, TargetCnn target, RandomNetwork random, TicketMask mask, TicketOptions options,
        IReadOnlyList<SliceResult> slices, IReadOnlyList<TicketLayerReport> layers, TimeSpan constructionTime)
    {
        (Variant, Target, Random, Mask, Options, Slices, Layers, ConstructionTime) = (variant, target, random, mask, options, slices, layers, constructionTime);
    }

    /// <summary>
    /// Constructs the ticket of the given variant of <paramref name="target"/> in <paramref name="random"/> (parallel over
    /// slices, deterministic: the same inputs give the same ticket whatever the thread count). The variants are described
    /// on <see cref="KernelTicket"/>, <see cref="FilterTicket"/> and <see cref="UnstructuredTicket"/>.
    /// </summary>
    /// <param name="variant">Which construction.</param>
    /// <param name="target">The target CNN.</param>
    /// <param name="random">A random network built for the target's architecture.</param>
    /// <param name="options">Slice tolerance, solver budget, parallelism (defaults when null).</param>
    /// <param name="progress">Receives a report after every solved slice.</param>
    /// <param name="cancellationToken">Cancels between slices.</param>
    /// <exception cref="ArgumentException">The random network was built for another architecture.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The variant is not defined, an option is out of range, or n is so small that some layer offers no channel of the needed sign to any slice.</exception>
    public static Ticket Build(TicketVariant variant, TargetCnn target, RandomNetwork random, TicketOptions? options = null,
        IProgress<TicketProgress>? progress = null, CancellationToken cancellationToken = default) =>
        TicketConstruction.Build(variant, target, random, options, progress, cancellationToken);

    /// <summary>Which construction.</summary>
    public TicketVariant Variant { get; }

    /// <summary>The target the ticket approximates.</summary>
    public TargetCnn Target { get; }

    /// <summary>The random network the mask applies to.</summary>
    public RandomNetwork Random { get; }

    /// <summary>The ticket as data.</summary>
    public TicketMask Mask { get; }

    /// <summary>The options used.</summary>
    public TicketOptions Options { get; }

    /// <summary>Every subset-sum instance and its answer.</summary>
    public IReadOnlyList<SliceResult> Slices { get; }

    /// <summary>Per-layer summary of the construction.</summary>
    public IReadOnlyList<TicketLayerReport> Layers { get; }

    /// <summary>Wall-clock construction time.</summary>
    public TimeSpan ConstructionTime { get; }

    /// <summary>Largest slice error over all layers.</summary>
    public double MaxSliceError => Layers.Max(l => l.MaxError);

    /// <summary>Whether every slice reached <see cref="TicketOptions.SliceTolerance"/>. When false the ticket is still the best found; its errors are reported as achieved.</summary>
    public bool ReachedTolerance => Layers.All(l => l.AboveTolerance == 0);

    /// <summary>The masked ticket: the random network with pruned weights set to zero.</summary>
    public ConvNetwork Masked() => Mask.Apply(Random);

    /// <summary>The compact ticket (unused hidden channels removed; see <see cref="Compaction"/>).</summary>
    public ConvNetwork Compact(OneByOneForm form = OneByOneForm.Gather) => Compaction.Compact(Random, Mask, form);

    /// <summary>The folded ticket: one target-shaped convolution per layer with kernel K_hat (see <see cref="Folding"/>).</summary>
    public ConvNetwork Folded() => Folding.Fold(Random, Mask);

    /// <summary>The folded kernels K_hat (and the negative halves of signed layers).</summary>
    public IReadOnlyList<FoldedLayer> FoldedKernels() => Folding.Kernels(Random, Mask);

    /// <summary>Kept weights, filters, kernels, density and over-parameterization per layer.</summary>
    public TicketStatistics Statistics() => Mask.Statistics();

    /// <summary>The rigorous bound on the class-score error for inputs with ||X||_max ≤ <paramref name="inputBound"/>, from the kernels the ticket computes.</summary>
    public ErrorBudget Budget(double inputBound = 1.0) => ErrorBudget.FromFolded(Target, FoldedKernels(), inputBound);

    /// <summary>The a-priori bound from the largest slice error of each layer (theory.md's c_in d² η per layer).</summary>
    public ErrorBudget SliceBudget(double inputBound = 1.0) => ErrorBudget.FromSliceErrors(Target, Layers.Select(l => l.MaxError).ToArray(), inputBound);

    /// <inheritdoc />
    public override string ToString()
    {
        var stats = Statistics().Total;
        int above = Layers.Sum(l => l.AboveTolerance), total = Layers.Sum(l => l.Instances);
        return $"{Variant} ticket on n = [{string.Join(", ", Random.HiddenPerInput)}]: {stats.KeptWeights:N0} of {stats.RandomWeights:N0} weights kept (density {stats.Density:P2}), " +
               $"max slice error {MaxSliceError:G3} (tolerance {Options.SliceTolerance:G3}; {above} of {total} slices above), built in {ConstructionTime.TotalSeconds:F1} s";
    }
}
