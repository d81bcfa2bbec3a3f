using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// One measured construction: a ticket of one variant in a random network with n hidden channels per input channel drawn
/// from one seed, with its time, slice errors, size and accuracy. <see cref="ConstructionSweep"/> holds a table of them
/// (the console command <c>src/LotteryTickets.Train -- construction</c> writes one; notebook 05 draws the committed one).
/// </summary>
/// <param name="Variant">Which construction.</param>
/// <param name="N">Hidden channels per input channel (every layer).</param>
/// <param name="Seed">Seed of the random network.</param>
/// <param name="Seconds">Wall-clock construction time (depends on the machine and its load).</param>
/// <param name="Slices">Subset-sum instances solved.</param>
/// <param name="MaxSliceError">Largest slice error (max-norm).</param>
/// <param name="MeanSliceError">Mean slice error.</param>
/// <param name="MedianSliceError">Median slice error.</param>
/// <param name="Within002">Slices within 0.02.</param>
/// <param name="Within005">Slices within 0.05.</param>
/// <param name="Within01">Slices within 0.1.</param>
/// <param name="RandomWeights">Weights of the full random network.</param>
/// <param name="KeptWeights">Weights the mask keeps.</param>
/// <param name="CompactWeights">Weights the compact network stores (gather 1x1 form; zeros of pruned kernels inside kept channels included).</param>
/// <param name="CompactMacs">Multiply-accumulates per image of the compact network.</param>
/// <param name="RandomSupError">Sup-norm error of the class scores against the target's on random inputs in [0, 1].</param>
/// <param name="Budget">The ticket's rigorous error budget for inputs with ||X||_max ≤ 1.</param>
/// <param name="TestAgreement">Share of test images on which ticket and target predict the same class (null without the data set).</param>
/// <param name="TargetAccuracy">The target's test accuracy (null without the data set).</param>
/// <param name="TicketAccuracy">The ticket's test accuracy (null without the data set).</param>
public sealed record ConstructionSweepRow(TicketVariant Variant, int N, int Seed, double Seconds, int Slices, double MaxSliceError, double MeanSliceError,
    double MedianSliceError, int Within002, int Within005, int Within01, long RandomWeights, long KeptWeights, long CompactWeights, long CompactMacs,
    double RandomSupError, double Budget, double? TestAgreement, double? TargetAccuracy, double? TicketAccuracy)
{
    /// <summary>The η of the "slices within η" columns.</summary>
    public static IReadOnlyList<double> WithinEtas { get; } = [0.02, 0.05, 0.1];

    /// <summary>Slices within <paramref name="eta"/>, one of <see cref="WithinEtas"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eta"/> is not one of <see cref="WithinEtas"/>.</exception>
    public int Within(double eta) => eta switch
    {
        0.02 => Within002,
        0.05 => Within005,
        0.1 => Within01,
        _ => throw new ArgumentOutOfRangeException(nameof(eta), eta, $"the rows record the slices within {string.Join(", ", WithinEtas)}; got {eta}."),
    };

    /// <summary>Random weights ÷ the target's weights (the over-parameterization factor); <paramref name="targetWeights"/> is the target's count.</summary>
    public double OverParameterization(long targetWeights) => (double)RandomWeights / targetWeights;

    /// <summary>
    /// Measures <paramref name="ticket"/> as the console does: slice errors, the compact network's size, and the folded ticket
    /// (which computes the same function at the target's cost) on <paramref name="verification"/>'s random inputs and on
    /// <paramref name="test"/> when given.
    /// </summary>
    /// <param name="ticket">A constructed ticket.</param>
    /// <param name="test">Test images for the accuracies (null: none).</param>
    /// <param name="verification">Random inputs of the sup-norm error (default: 512 from seed 2023).</param>
    public static ConstructionSweepRow Measure(Ticket ticket, ImageSet? test = null, VerificationOptions? verification = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        int n = ticket.Random.HiddenPerInput[0];
        if (ticket.Random.HiddenPerInput.Any(h => h != n))
            throw new ArgumentException($"a sweep row records a ticket with one n for every layer; this one has n = [{string.Join(", ", ticket.Random.HiddenPerInput)}].", nameof(ticket));
        var errors = SliceErrorSummary.Of(ticket);
        var stats = ticket.Statistics().Total;
        var compact = ticket.Compact();
        var report = TicketVerification.Verify(ticket.Target, ticket.Folded(), ticket.Budget(), test, verification ?? new VerificationOptions());
        return new ConstructionSweepRow(ticket.Variant, n, ticket.Random.Seed, ticket.ConstructionTime.TotalSeconds,
            errors.Count, errors.Max, errors.Mean, errors.Median, errors.Within(0.02), errors.Within(0.05), errors.Within(0.1),
            stats.RandomWeights, stats.KeptWeights, compact.ParameterCount, compact.Macs, report.Random.SupError, report.BudgetBound,
            report.Test?.Agreement, report.TargetTestAccuracy, report.TicketTestAccuracy);
    }
}
