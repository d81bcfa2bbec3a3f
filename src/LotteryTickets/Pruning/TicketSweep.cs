using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// The error-against-n experiment of notebook 04: for each n, one random network drawn from the seed, every requested
/// variant's ticket built in it and verified against the target. The loop is the whole method:
/// <code>
/// foreach (int n in hiddenPerInput)
/// {
///     var random = RandomNetwork.Create(target.Architecture, n, seed);
///     foreach (var variant in variants)
///         verify(Ticket.Build(variant, target, random, options));
/// }
/// </code>
/// Every variant at one n sees the same random network, so differences between variants at that n come from the
/// construction alone, not from another draw.
/// </summary>
public static class TicketSweep
{
    /// <summary>Builds and verifies the tickets of <paramref name="variants"/> at every n of <paramref name="hiddenPerInput"/>, in that order.</summary>
    /// <param name="target">The target CNN (one layer in notebook 04, any depth here).</param>
    /// <param name="variants">The variants to build at each n.</param>
    /// <param name="hiddenPerInput">The values of n (hidden channels per input channel, every layer).</param>
    /// <param name="seed">Seed of every random network (the same seed at each n: the networks differ only by their width).</param>
    /// <param name="label">Second part of each row's <see cref="TicketSweepRow.Name"/>, for example "d = 3".</param>
    /// <param name="options">Slice tolerance, solver budget, parallelism (defaults when null).</param>
    /// <param name="verification">Random inputs of the verification (defaults when null).</param>
    /// <returns>One row per (n, variant), n in the given order, variants in the given order within each n.</returns>
    /// <exception cref="ArgumentException">No variant or no n was given, or a label is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An n is below 1.</exception>
    public static IReadOnlyList<TicketSweepRow> Run(TargetCnn target, IReadOnlyList<TicketVariant> variants, IReadOnlyList<int> hiddenPerInput, int seed,
        string label, TicketOptions? options = null, VerificationOptions? verification = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(hiddenPerInput);
        if (variants.Count == 0) throw new ArgumentException("Give at least one ticket variant to sweep.", nameof(variants));
        if (hiddenPerInput.Count == 0) throw new ArgumentException("Give at least one n to sweep.", nameof(hiddenPerInput));
        foreach (int n in hiddenPerInput)
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(hiddenPerInput), n, "Every n (hidden channels per input channel) must be at least 1.");
        if (string.IsNullOrWhiteSpace(label)) throw new ArgumentException("The label names the curves; it must not be empty.", nameof(label));

        var rows = new List<TicketSweepRow>();
        foreach (int n in hiddenPerInput)
        {
            var random = RandomNetwork.Create(target.Architecture, n, seed);
            foreach (var variant in variants)
            {
                var ticket = Ticket.Build(variant, target, random, options);
                var report = TicketVerification.Verify(ticket, options: verification);
                rows.Add(new TicketSweepRow($"{variant.ToString().ToLowerInvariant()}, {label}", variant, n, report.Random.SupError, report.BudgetBound,
                    report.WithinBudget, ticket.MaxSliceError, ticket.Statistics().Total.KeptWeights, ticket.Compact().ParameterCount,
                    ticket.ConstructionTime.TotalSeconds));
            }
        }
        return rows;
    }
}
