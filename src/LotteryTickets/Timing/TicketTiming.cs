using System.Diagnostics;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;

namespace LotteryTickets.Timing;

/// <summary>
/// The networks notebook 06 times, all from one target, one n and one seed: the target, the full random network, the
/// kernel-variant ticket as a mask on the random network (zeros in place, same shapes), the compact kernel- and
/// filter-variant tickets (physically smaller), the unstructured ticket (masked: it cannot be compacted) and the folded
/// kernel ticket (target-shaped). The paper's practical promise is that a structured ticket can be made physically
/// smaller and therefore faster; the masked form, in which most pruning tools leave a pruned model, cannot, because
/// dense CPU kernels multiply the zeros too.
/// </summary>
public sealed class TicketTiming
{
    /// <summary>Name of the masked kernel ticket among <see cref="Networks"/> (the baseline of the speed-ups).</summary>
    public const string MaskedTicket = "kernel ticket (masked)";

    private TicketTiming(TargetCnn target, RandomNetwork random, Ticket? kernel, TicketMask kernelMask, Ticket? filter, string? filterFailure, Ticket unstructured, TimeSpan buildTime) =>
        (Target, Random, Kernel, KernelMask, Filter, FilterFailure, Unstructured, BuildTime) = (target, random, kernel, kernelMask, filter, filterFailure, unstructured, buildTime);

    /// <summary>The target.</summary>
    public TargetCnn Target { get; }

    /// <summary>The random over-parameterized network of the kernel and unstructured tickets.</summary>
    public RandomNetwork Random { get; }

    /// <summary>The kernel-variant ticket when it was built here; null when it was loaded as a mask (<see cref="FromKernelMask"/>).</summary>
    public Ticket? Kernel { get; }

    /// <summary>The kernel-variant ticket's mask (built here or loaded): what the kernel networks are made of.</summary>
    public TicketMask KernelMask { get; }

    /// <summary>The filter-variant ticket, or null when its construction found no subset for some layer (see <see cref="FilterFailure"/>).</summary>
    public Ticket? Filter { get; }

    /// <summary>Why the filter ticket is missing (the construction's message), or null.</summary>
    public string? FilterFailure { get; }

    /// <summary>The unstructured ticket.</summary>
    public Ticket Unstructured { get; }

    /// <summary>Wall-clock time of the constructions.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>
    /// Builds the random network(s) and the three tickets, like <see cref="TicketFamily.Build"/>, except that a filter
    /// ticket the construction cannot make (it needs a much larger n: one subset must fit all c_out kernels at once, in
    /// dimension c_out d²) is reported in <see cref="FilterFailure"/> instead of failing the whole timing.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="hiddenPerInput">n of the random network, every layer.</param>
    /// <param name="seed">Seed of the random network(s).</param>
    /// <param name="options">Construction options (defaults when null).</param>
    /// <param name="filterHiddenPerInput">n of the filter ticket's random network (null: <paramref name="hiddenPerInput"/>).</param>
    /// <param name="progress">Receives the constructions' progress.</param>
    public static TicketTiming Build(TargetCnn target, int hiddenPerInput, int seed, TicketOptions? options = null, int? filterHiddenPerInput = null,
        IProgress<TicketProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var watch = Stopwatch.StartNew();
        var random = RandomNetwork.Create(target.Architecture, hiddenPerInput, seed);
        var filterRandom = filterHiddenPerInput is int nf && nf != hiddenPerInput ? RandomNetwork.Create(target.Architecture, nf, seed) : random;
        var kernel = KernelTicket.Build(target, random, options, progress);
        var (filter, failure, unstructured) = BuildOthers(target, random, filterRandom, options, progress);
        return new TicketTiming(target, random, kernel, kernel.Mask, filter, failure, unstructured, watch.Elapsed);
    }

    /// <summary>
    /// The same networks around a kernel ticket given by its mask, for example one notebook 05 saved or the one committed
    /// in <c>data/</c>: the random network is rebuilt from the mask's n and seed, and the filter and unstructured tickets are
    /// built on it (the kernel ticket, the expensive one, is not searched again). Timing depends only on the shapes a
    /// ticket keeps, so this times exactly the ticket whose accuracy was measured.
    /// </summary>
    /// <param name="target">The target the mask was built for.</param>
    /// <param name="kernelMask">A kernel-variant mask for <paramref name="target"/>'s architecture.</param>
    /// <param name="options">Construction options of the other tickets (defaults when null).</param>
    /// <param name="progress">Receives the constructions' progress.</param>
    /// <exception cref="ArgumentException">The mask is not a kernel-variant mask, or is for another architecture.</exception>
    public static TicketTiming FromKernelMask(TargetCnn target, TicketMask kernelMask, TicketOptions? options = null, IProgress<TicketProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(kernelMask);
        if (kernelMask.Variant != TicketVariant.Kernel)
            throw new ArgumentException($"the mask must be a kernel-variant mask; got a {kernelMask.Variant.ToString().ToLowerInvariant()} mask.", nameof(kernelMask));
        if (!kernelMask.Architecture.SameAs(target.Architecture))
            throw new ArgumentException($"the mask was made for {kernelMask.Architecture}, not for the target's {target.Architecture}.", nameof(kernelMask));
        var watch = Stopwatch.StartNew();
        var random = kernelMask.CreateRandomNetwork();
        var (filter, failure, unstructured) = BuildOthers(target, random, random, options, progress);
        return new TicketTiming(target, random, null, kernelMask, filter, failure, unstructured, watch.Elapsed);
    }

    private static (Ticket? Filter, string? Failure, Ticket Unstructured) BuildOthers(TargetCnn target, RandomNetwork random, RandomNetwork filterRandom,
        TicketOptions? options, IProgress<TicketProgress>? progress)
    {
        Ticket? filter = null;
        string? failure = null;
        try
        {
            filter = FilterTicket.Build(target, filterRandom, options, progress);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "random")
        {
            failure = $"no filter ticket at n = {filterRandom.HiddenPerInput[0]}: {e.Message.Split(" (Parameter")[0]}";
        }
        return (filter, failure, UnstructuredTicket.Build(target, random, options, progress));
    }

    /// <summary>
    /// The networks to time, by name: target, full random network, masked kernel ticket, compact kernel ticket, compact
    /// filter ticket (when it exists), masked unstructured ticket, folded kernel ticket. Every one takes the target's
    /// inputs and gives its class scores.
    /// </summary>
    /// <param name="form">How the compact tickets compute their channel-blocked 1x1 layers.</param>
    /// <param name="extraForms">Further forms of the compact kernel ticket to time beside it.</param>
    public IReadOnlyList<ConvNetwork> Networks(OneByOneForm form = OneByOneForm.Gather, params OneByOneForm[] extraForms)
    {
        var list = new List<ConvNetwork>
        {
            Target.ToNetwork("target"),
            Random.ToNetwork("random (full)"),
            KernelMask.Apply(Random).WithName(MaskedTicket),
            Compaction.Compact(Random, KernelMask, form),
        };
        foreach (var extra in extraForms.Where(f => f != form).Distinct()) list.Add(Compaction.Compact(Random, KernelMask, extra));
        if (Filter is not null) list.Add(Filter.Compact(form));
        list.Add(Unstructured.Masked().WithName("unstructured ticket (masked)"));
        list.Add(Folding.Fold(Random, KernelMask).WithName("kernel ticket (folded)"));
        return list;
    }

    /// <summary>Times <see cref="Networks"/> with <see cref="InferenceTimer"/>.</summary>
    /// <param name="options">How to measure.</param>
    /// <param name="form">How the compact tickets compute their channel-blocked 1x1 layers.</param>
    /// <param name="progress">Receives one line per round.</param>
    /// <param name="note">Recorded in the conditions.</param>
    /// <param name="cancellationToken">Stops between rounds.</param>
    /// <param name="extraForms">Further forms of the compact kernel ticket to time beside it (null: none).</param>
    public TimingReport Measure(TimingOptions? options = null, OneByOneForm form = OneByOneForm.Gather, IProgress<string>? progress = null,
        string note = "", CancellationToken cancellationToken = default, IReadOnlyList<OneByOneForm>? extraForms = null)
    {
        string description = $"random n = [{string.Join(", ", Random.HiddenPerInput)}], seed {Random.Seed}; compact 1x1 form {form}" +
                             (FilterFailure is null ? "" : $"; {FilterFailure}");
        return InferenceTimer.Measure(Networks(form, [.. extraForms ?? []]), options, progress, note.Length > 0 ? $"{description}; {note}" : description, cancellationToken);
    }

    /// <summary>
    /// Speed-up of every timed network over the masked kernel ticket (<see cref="MaskedTicket"/>) at every batch size,
    /// with the ratio of their MACs: the table that shows which forms of a ticket are "hardware friendly".
    /// </summary>
    /// <exception cref="ArgumentException">The report has no row for the masked ticket.</exception>
    public static IReadOnlyList<SpeedupRow> SpeedUpsOverMasked(TimingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Models.Contains(MaskedTicket))
            throw new ArgumentException($"the report has no '{MaskedTicket}' rows; it timed: {string.Join(", ", report.Models)}.", nameof(report));
        return report.SpeedUps(MaskedTicket);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Random}; built in {BuildTime.TotalSeconds:F1} s" + Environment.NewLine +
        $"  {(Kernel is not null ? Kernel.ToString() : $"Kernel ticket loaded from its mask: {KernelMask.Statistics().Total.KeptWeights:N0} weights kept")}" + Environment.NewLine +
        $"  {(Filter is null ? FilterFailure : Filter.ToString())}" + Environment.NewLine + $"  {Unstructured}";
}
