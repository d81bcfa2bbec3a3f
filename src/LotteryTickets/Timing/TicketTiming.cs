using LotteryTickets.Networks;
using LotteryTickets.Pruning;

namespace LotteryTickets.Timing;

/// <summary>
/// Timing a <see cref="TicketFamily"/>: every network of the family measured with <see cref="InferenceTimer"/>, and the
/// speed-ups over the masked kernel ticket (<see cref="TicketRole.MaskedKernel"/>), the form in which most pruning tools
/// leave a pruned model. Dense CPU kernels multiply its zeros too; the compact tickets do not carry them.
/// </summary>
public static class TicketTiming
{
    /// <summary>Times the family's <see cref="TicketFamily.Networks"/> with <see cref="InferenceTimer"/>.</summary>
    /// <param name="family">The networks to time.</param>
    /// <param name="options">How to measure.</param>
    /// <param name="form">How the compact tickets compute their channel-blocked 1x1 layers.</param>
    /// <param name="progress">Receives one line per round.</param>
    /// <param name="note">Recorded in the conditions.</param>
    /// <param name="cancellationToken">Stops between rounds.</param>
    /// <param name="extraForms">Further forms of the compact kernel ticket to time beside it (null: none).</param>
    public static TimingReport Measure(this TicketFamily family, TimingOptions? options = null, OneByOneForm form = OneByOneForm.Gather, IProgress<string>? progress = null,
        string note = "", CancellationToken cancellationToken = default, IReadOnlyList<OneByOneForm>? extraForms = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        string description = $"random n = [{string.Join(", ", family.Random.HiddenPerInput)}], seed {family.Random.Seed}; compact 1x1 form {form}" +
                             (family.FilterFailure is null ? "" : $"; {family.FilterFailure}");
        return InferenceTimer.Measure(family.Networks(form, [.. extraForms ?? []]), options, progress, note.Length > 0 ? $"{description}; {note}" : description, cancellationToken);
    }

    /// <summary>
    /// Speed-up of every timed network over the masked kernel ticket (<see cref="TicketRole.MaskedKernel"/>) at every
    /// batch size, with the ratio of their MACs: the table that shows which forms of a ticket are "hardware friendly".
    /// </summary>
    /// <exception cref="ArgumentException">The report has no row for the masked ticket.</exception>
    public static IReadOnlyList<SpeedupRow> SpeedUpsOverMasked(TimingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string masked = TicketFamily.Name(TicketRole.MaskedKernel);
        if (!report.Models.Contains(masked))
            throw new ArgumentException($"the report has no '{masked}' rows; it timed: {string.Join(", ", report.Models)}.", nameof(report));
        return report.SpeedUps(masked);
    }

    /// <summary>The row of the family's network in <paramref name="role"/> at one batch size.</summary>
    /// <param name="report">A timing report of a <see cref="TicketFamily"/>.</param>
    /// <param name="role">The role of the network.</param>
    /// <param name="batchSize">The batch size.</param>
    /// <param name="form">The 1x1 form, for the compact roles.</param>
    /// <exception cref="ArgumentException">The report has no such row.</exception>
    public static TimingRow Row(this TimingReport report, TicketRole role, int batchSize, OneByOneForm form = OneByOneForm.Gather)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Row(TicketFamily.Name(role, form), batchSize);
    }
}
