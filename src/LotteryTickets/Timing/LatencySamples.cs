namespace LotteryTickets.Timing;

/// <summary>The raw latencies of one (model, batch size) pair, in milliseconds, in the order they were measured.</summary>
/// <param name="Model">Model name.</param>
/// <param name="BatchSize">Batch size.</param>
/// <param name="Ms">Latency of each timed forward pass, ms.</param>
public sealed record LatencySamples(string Model, int BatchSize, IReadOnlyList<double> Ms);
