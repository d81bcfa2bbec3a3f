using LotteryTickets.Timing;

namespace LotteryTickets.Learning;

/// <summary>One latency measurement of a compact network.</summary>
/// <param name="HiddenPerInput">n of the random network.</param>
/// <param name="Seed">Seed of the random network.</param>
/// <param name="Row">The measurement.</param>
public sealed record ResultsTiming(int HiddenPerInput, int Seed, TimingRow Row);
