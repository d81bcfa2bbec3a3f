using System.Diagnostics;
using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// Every network of the workbook's comparison built from one target, one random network and one seed, each in a
/// <see cref="TicketRole"/>: the target, the full random network, the kernel ticket masked, compact and folded, the
/// compact filter ticket and the masked unstructured ticket. Notebooks 05 and 06 and the timing command use it. The
/// paper's practical promise is that a structured ticket can be made physically smaller and therefore faster; the
/// masked form, in which most pruning tools leave a pruned model, cannot, because dense CPU kernels multiply the zeros too.
/// </summary>
public sealed class TicketFamily
{
    private TicketFamily(TargetCnn target, RandomNetwork random, RandomNetwork filterRandom, Ticket? kernel, TicketMask kernelMask, Ticket? filter,
        string? filterFailure, Ticket unstructured, TimeSpan buildTime) =>
        (Target, Random, FilterRandom, Kernel, KernelMask, Filter, FilterFailure, Unstructured, BuildTime) =
        (target, random, filterRandom, kernel, kernelMask, filter, filterFailure, unstructured, buildTime);

    /// <summary>The target.</summary>
    public TargetCnn Target { get; }

    /// <summary>The random over-parameterized network of the kernel and unstructured tickets.</summary>
    public RandomNetwork Random { get; }

    /// <summary>The random network of the filter ticket (the same as <see cref="Random"/> unless another n was asked for).</summary>
    public RandomNetwork FilterRandom { get; }

    /// <summary>The kernel-variant ticket when it was built (here or by the caller); null when only its mask was given (<see cref="FromKernelMask"/>).</summary>
    public Ticket? Kernel { get; }

    /// <summary>The kernel-variant ticket's mask (built or loaded): what the kernel networks are made of.</summary>
    public TicketMask KernelMask { get; }

    /// <summary>The filter-variant ticket, or null when it was not asked for or its construction found no subset for some layer (see <see cref="FilterFailure"/>).</summary>
    public Ticket? Filter { get; }

    /// <summary>Why the filter ticket is missing although it was asked for (the construction's message), or null.</summary>
    public string? FilterFailure { get; }

    /// <summary>The unstructured ticket.</summary>
    public Ticket Unstructured { get; }

    /// <summary>Wall-clock time of the constructions made here.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>The tickets built (kernel when built, filter when found, unstructured), in that order.</summary>
    public IReadOnlyList<Ticket> Tickets => new[] { Kernel, Filter, Unstructured }.OfType<Ticket>().ToList();

    /// <summary>The masks of the family's tickets: kernel, filter (when found), unstructured.</summary>
    public IReadOnlyList<TicketMask> Masks => Filter is null ? [KernelMask, Unstructured.Mask] : [KernelMask, Filter.Mask, Unstructured.Mask];

    /// <summary>
    /// Builds the random network(s) from <paramref name="seed"/> and the three tickets. A filter ticket the construction
    /// cannot make (it needs a much larger n: one subset must fit all c_out kernels at once, in dimension c_out d²) is
    /// reported in <see cref="FilterFailure"/> instead of failing the whole family.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="hiddenPerInput">n for every layer of the random network.</param>
    /// <param name="seed">Seed of the random network(s).</param>
    /// <param name="options">Construction options (defaults when null).</param>
    /// <param name="filterHiddenPerInput">n of the filter ticket's random network (null: <paramref name="hiddenPerInput"/>).</param>
    /// <param name="progress">Receives the constructions' progress.</param>
    public static TicketFamily Build(TargetCnn target, int hiddenPerInput, int seed, TicketOptions? options = null, int? filterHiddenPerInput = null,
        IProgress<TicketProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var watch = Stopwatch.StartNew();
        var random = RandomNetwork.Create(target.Architecture, hiddenPerInput, seed);
        var filterRandom = filterHiddenPerInput is int nf && nf != hiddenPerInput ? RandomNetwork.Create(target.Architecture, nf, seed) : random;
        var kernel = KernelTicket.Build(target, random, options, progress);
        return Around(target, random, filterRandom, kernel, kernel.Mask, options, includeFilter: true, progress, watch);
    }

    /// <summary>The family around a kernel ticket already built: the filter and unstructured tickets are built on its random network.</summary>
    /// <param name="kernel">A kernel-variant ticket.</param>
    /// <param name="options">Construction options of the other tickets (defaults when null).</param>
    /// <param name="progress">Receives the constructions' progress.</param>
    /// <param name="includeFilter">Whether to build the filter ticket.</param>
    /// <exception cref="ArgumentException">The ticket is not a kernel-variant ticket.</exception>
    public static TicketFamily FromKernelTicket(Ticket kernel, TicketOptions? options = null, IProgress<TicketProgress>? progress = null, bool includeFilter = true)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.Variant != TicketVariant.Kernel)
            throw new ArgumentException($"the ticket must be a kernel-variant ticket; got a {kernel.Variant.ToString().ToLowerInvariant()} ticket.", nameof(kernel));
        return Around(kernel.Target, kernel.Random, kernel.Random, kernel, kernel.Mask, options, includeFilter, progress, Stopwatch.StartNew());
    }

    /// <summary>
    /// The family around a kernel ticket given by its mask, for example one notebook 05 saved or the one committed in
    /// <c>data/</c>: the random network is rebuilt from the mask's n and seed (or given), and the filter and unstructured
    /// tickets are built on it (the kernel ticket, the expensive one, is not searched again). Timing depends only on the
    /// shapes a ticket keeps, so this times exactly the ticket whose accuracy was measured.
    /// </summary>
    /// <param name="target">The target the mask was built for.</param>
    /// <param name="kernelMask">A kernel-variant mask for <paramref name="target"/>'s architecture.</param>
    /// <param name="options">Construction options of the other tickets (defaults when null).</param>
    /// <param name="progress">Receives the constructions' progress.</param>
    /// <param name="random">The mask's random network when the caller has it already (null: rebuilt from the mask).</param>
    /// <param name="includeFilter">Whether to build the filter ticket.</param>
    /// <exception cref="ArgumentException">The mask is not a kernel-variant mask, is for another architecture, or <paramref name="random"/> is not its random network.</exception>
    public static TicketFamily FromKernelMask(TargetCnn target, TicketMask kernelMask, TicketOptions? options = null, IProgress<TicketProgress>? progress = null,
        RandomNetwork? random = null, bool includeFilter = true)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(kernelMask);
        if (kernelMask.Variant != TicketVariant.Kernel)
            throw new ArgumentException($"the mask must be a kernel-variant mask; got a {kernelMask.Variant.ToString().ToLowerInvariant()} mask.", nameof(kernelMask));
        if (!kernelMask.Architecture.SameAs(target.Architecture))
            throw new ArgumentException($"the mask was made for {kernelMask.Architecture}, not for the target's {target.Architecture}.", nameof(kernelMask));
        if (random is not null) kernelMask.CheckCompatible(random);
        var watch = Stopwatch.StartNew();
        random ??= kernelMask.CreateRandomNetwork();
        return Around(target, random, random, null, kernelMask, options, includeFilter, progress, watch);
    }

    private static TicketFamily Around(TargetCnn target, RandomNetwork random, RandomNetwork filterRandom, Ticket? kernel, TicketMask kernelMask,
        TicketOptions? options, bool includeFilter, IProgress<TicketProgress>? progress, Stopwatch watch)
    {
        Ticket? filter = null;
        string? failure = null;
        if (includeFilter)
        {
            try
            {
                filter = FilterTicket.Build(target, filterRandom, options, progress);
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "random")
            {
                failure = $"no filter ticket at n = {filterRandom.HiddenPerInput[0]}: {e.Message.Split(" (Parameter")[0]}";
            }
        }
        var unstructured = UnstructuredTicket.Build(target, random, options, progress);
        return new TicketFamily(target, random, filterRandom, kernel, kernelMask, filter, failure, unstructured, watch.Elapsed);
    }

    /// <summary>The name a role's network carries in tables, charts and timing reports (compact roles name their 1x1 form).</summary>
    /// <param name="role">The role.</param>
    /// <param name="form">The 1x1 form of the compact roles (ignored by the others).</param>
    public static string Name(TicketRole role, OneByOneForm form = OneByOneForm.Gather) => role switch
    {
        TicketRole.Target => "target",
        TicketRole.Random => "random (full)",
        TicketRole.MaskedKernel => "kernel ticket (masked)",
        TicketRole.CompactKernel => $"kernel ticket (compact, {FormName(form)} 1x1)",
        TicketRole.CompactFilter => $"filter ticket (compact, {FormName(form)} 1x1)",
        TicketRole.MaskedUnstructured => "unstructured ticket (masked)",
        TicketRole.FoldedKernel => "kernel ticket (folded)",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, $"role must be one of {string.Join(", ", Enum.GetNames<TicketRole>())}; got {role}."),
    };

    /// <summary>Whether the family has a network in <paramref name="role"/> (all but <see cref="TicketRole.CompactFilter"/> when no filter ticket was found).</summary>
    public bool Has(TicketRole role) => role != TicketRole.CompactFilter || Filter is not null;

    /// <summary>The network in <paramref name="role"/>, named <see cref="Name"/>; it takes the target's inputs and gives its class scores.</summary>
    /// <param name="role">The role.</param>
    /// <param name="form">How the compact roles compute their channel-blocked 1x1 layers.</param>
    /// <exception cref="InvalidOperationException">The family has no filter ticket (<see cref="FilterFailure"/> says why).</exception>
    public ConvNetwork Network(TicketRole role, OneByOneForm form = OneByOneForm.Gather)
    {
        string name = Name(role, form);
        return role switch
        {
            TicketRole.Target => Target.ToNetwork(name),
            TicketRole.Random => Random.ToNetwork(name),
            TicketRole.MaskedKernel => KernelMask.Apply(Random).WithName(name),
            TicketRole.CompactKernel => Compaction.Compact(Random, KernelMask, form, name),
            TicketRole.CompactFilter => Filter is not null ? Compaction.Compact(FilterRandom, Filter.Mask, form, name)
                : throw new InvalidOperationException($"the family has no filter ticket: {FilterFailure ?? "it was not asked for"}."),
            TicketRole.MaskedUnstructured => Unstructured.Masked().WithName(name),
            _ => Folding.Fold(Random, KernelMask).WithName(name),
        };
    }

    /// <summary>
    /// The networks to compare, in this order: target, full random network, masked kernel ticket, compact kernel ticket
    /// (then its <paramref name="extraForms"/>), compact filter ticket (when it exists), masked unstructured ticket,
    /// folded kernel ticket.
    /// </summary>
    /// <param name="form">How the compact tickets compute their channel-blocked 1x1 layers.</param>
    /// <param name="extraForms">Further forms of the compact kernel ticket to include beside it.</param>
    public IReadOnlyList<ConvNetwork> Networks(OneByOneForm form = OneByOneForm.Gather, params OneByOneForm[] extraForms)
    {
        var list = new List<ConvNetwork> { Network(TicketRole.Target), Network(TicketRole.Random), Network(TicketRole.MaskedKernel), Network(TicketRole.CompactKernel, form) };
        foreach (var extra in extraForms.Where(f => f != form).Distinct()) list.Add(Network(TicketRole.CompactKernel, extra));
        if (Has(TicketRole.CompactFilter)) list.Add(Network(TicketRole.CompactFilter, form));
        list.Add(Network(TicketRole.MaskedUnstructured));
        list.Add(Network(TicketRole.FoldedKernel));
        return list;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Random}; built in {BuildTime.TotalSeconds:F1} s" + Environment.NewLine +
        $"  {(Kernel is not null ? Kernel.ToString() : $"Kernel ticket loaded from its mask: {KernelMask.Statistics().Total.KeptWeights:N0} weights kept")}" + Environment.NewLine +
        (Filter is null && FilterFailure is null ? "" : $"  {(Filter is null ? FilterFailure : Filter.ToString())}" + Environment.NewLine) + $"  {Unstructured}";

    private static string FormName(OneByOneForm form) => form.ToString().ToLowerInvariant();
}
