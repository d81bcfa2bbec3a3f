using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// Every network of the workbook's comparison built from one target, one n and one seed: the target, the full random
/// network, the three tickets, and their masked, compact and folded forms. The timing notebook measures exactly these.
/// </summary>
public sealed class TicketFamily
{
    private TicketFamily(TargetCnn target, RandomNetwork random, RandomNetwork filterRandom, Ticket kernel, Ticket filter, Ticket unstructured) =>
        (Target, Random, FilterRandom, Kernel, Filter, Unstructured) = (target, random, filterRandom, kernel, filter, unstructured);

    /// <summary>The target.</summary>
    public TargetCnn Target { get; }

    /// <summary>The random network of the kernel and unstructured tickets.</summary>
    public RandomNetwork Random { get; }

    /// <summary>The random network of the filter ticket (the same as <see cref="Random"/> unless another n was asked for).</summary>
    public RandomNetwork FilterRandom { get; }

    /// <summary>The kernel-variant ticket.</summary>
    public Ticket Kernel { get; }

    /// <summary>The filter-variant ticket.</summary>
    public Ticket Filter { get; }

    /// <summary>The unstructured ticket.</summary>
    public Ticket Unstructured { get; }

    /// <summary>Builds the random network(s) from <paramref name="seed"/> and the three tickets.</summary>
    /// <param name="target">The target.</param>
    /// <param name="hiddenPerInput">n for every layer of the random network.</param>
    /// <param name="seed">Seed of the random network.</param>
    /// <param name="options">Construction options (defaults when null).</param>
    /// <param name="filterHiddenPerInput">n of the filter ticket's random network (null: <paramref name="hiddenPerInput"/>).</param>
    /// <param name="progress">Receives the constructions' progress.</param>
    public static TicketFamily Build(TargetCnn target, int hiddenPerInput, int seed, TicketOptions? options = null, int? filterHiddenPerInput = null,
        IProgress<TicketProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var random = RandomNetwork.Create(target.Architecture, hiddenPerInput, seed);
        var filterRandom = filterHiddenPerInput is int nf && nf != hiddenPerInput ? RandomNetwork.Create(target.Architecture, nf, seed) : random;
        var kernel = KernelTicket.Build(target, random, options, progress);
        var filter = FilterTicket.Build(target, filterRandom, options, progress);
        var unstructured = UnstructuredTicket.Build(target, random, options, progress);
        return new TicketFamily(target, random, filterRandom, kernel, filter, unstructured);
    }

    /// <summary>
    /// The networks to compare, by name: target, full random, masked kernel ticket, compact kernel ticket, compact filter
    /// ticket, masked unstructured ticket, folded kernel ticket. All take the target's inputs and give its class scores.
    /// </summary>
    public IReadOnlyList<ConvNetwork> Networks(OneByOneForm form = OneByOneForm.Gather) =>
    [
        Target.ToNetwork("target"),
        Random.ToNetwork("random (full)"),
        Kernel.Masked().WithName("kernel ticket (masked)"),
        Kernel.Compact(form),
        Filter.Compact(form),
        Unstructured.Masked().WithName("unstructured ticket (masked)"),
        Kernel.Folded().WithName("kernel ticket (folded)"),
    ];
}
