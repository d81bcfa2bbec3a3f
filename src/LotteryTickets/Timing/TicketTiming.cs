using LotteryTickets.Networks;
using LotteryTickets.Pruning;

namespace LotteryTickets.Timing;

/// <summary>
/// Times the networks of one <see cref="TicketFamily"/> (target, full random network, masked kernel ticket, compact kernel
/// and filter tickets, masked unstructured ticket, folded kernel ticket; all from one seed) and compares them with the
/// masked ticket, the form in which most pruning tools leave a pruned model. The paper's practical promise is that a
/// structured ticket can be made physically smaller and therefore faster; the masked form cannot, because dense CPU
/// kernels multiply the zeros too.
/// </summary>
public static class TicketTiming
{
    /// <summary>Name of the masked kernel ticket in <see cref="TicketFamily.Networks"/> (the baseline of the speed-ups).</summary>
    public const string MaskedTicket = "kernel ticket (masked)";

    /// <summary>The networks of <paramref name="family"/> whose compact tickets use the 1x1 form <paramref name="form"/>.</summary>
    public static IReadOnlyList<ConvNetwork> Networks(TicketFamily family, OneByOneForm form = OneByOneForm.Gather)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.Networks(form);
    }

    /// <summary>Times every network of <paramref name="family"/> with <see cref="InferenceTimer"/>.</summary>
    /// <param name="family">The family.</param>
    /// <param name="options">How to measure.</param>
    /// <param name="form">How the compact tickets compute their channel-blocked 1x1 layers.</param>
    /// <param name="progress">Receives one line per round.</param>
    /// <param name="note">Recorded in the conditions.</param>
    /// <param name="cancellationToken">Stops between rounds.</param>
    public static TimingReport Measure(TicketFamily family, TimingOptions? options = null, OneByOneForm form = OneByOneForm.Gather,
        IProgress<string>? progress = null, string note = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(family);
        string description = $"target {family.Target.Architecture}; random n = [{string.Join(", ", family.Random.HiddenPerInput)}], seed {family.Random.Seed}; compact 1x1 form {form}";
        return InferenceTimer.Measure(Networks(family, form), options, progress, note.Length > 0 ? $"{description}; {note}" : description, cancellationToken);
    }

    /// <summary>
    /// Speed-up of every network over the masked kernel ticket (<see cref="MaskedTicket"/>) at every batch size, with the
    /// ratio of their MACs: the table that shows which forms of a ticket are "hardware friendly".
    /// </summary>
    /// <exception cref="ArgumentException">The report has no row for the masked ticket.</exception>
    public static IReadOnlyList<SpeedupRow> SpeedUpsOverMasked(TimingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Models.Contains(MaskedTicket))
            throw new ArgumentException($"the report has no '{MaskedTicket}' rows; it timed: {string.Join(", ", report.Models)}.", nameof(report));
        return report.SpeedUps(MaskedTicket);
    }
}
