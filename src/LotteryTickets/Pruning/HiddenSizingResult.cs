using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>The n chosen for each layer, whether it reached the requested share of slices, and every step tried.</summary>
/// <param name="HiddenPerInput">n per layer (pass to <see cref="RandomNetwork.Create(TargetArchitecture, IReadOnlyList{int}, int)"/>).</param>
/// <param name="Reached">Per layer: false when even the largest n allowed missed the requested share.</param>
/// <param name="Steps">Every construction tried, in order.</param>
public sealed record HiddenSizingResult(IReadOnlyList<int> HiddenPerInput, IReadOnlyList<bool> Reached, IReadOnlyList<SizingStep> Steps);
