namespace LotteryTickets.Pruning;

/// <summary>A kernel ticket built on one random network (seed) at the n sized for η, and its test accuracy.</summary>
/// <param name="Target">Target name.</param>
/// <param name="Eta">Slice error η (the construction's tolerance).</param>
/// <param name="Seed">Seed of the random network.</param>
/// <param name="HiddenPerInput">n per layer.</param>
/// <param name="SlicesWithin">Instances whose error reached η.</param>
/// <param name="Slices">All instances.</param>
/// <param name="MaxSliceError">Largest instance error.</param>
/// <param name="TargetAccuracy">The target's test accuracy (null when no test images were given).</param>
/// <param name="TicketAccuracy">The ticket's test accuracy (its folded form computes the same function; null without test images).</param>
/// <param name="Seconds">Construction time.</param>
public sealed record SeedAccuracyRow(string Target, double Eta, int Seed, IReadOnlyList<int> HiddenPerInput, int SlicesWithin, int Slices,
    double MaxSliceError, double? TargetAccuracy, double? TicketAccuracy, double Seconds);
