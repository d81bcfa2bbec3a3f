namespace LotteryTickets.Pruning;

/// <summary>One target at one η: the n per layer <see cref="HiddenSizing.Search"/> chose and the counting bound.</summary>
/// <param name="Target">Target name.</param>
/// <param name="KernelSize">d (the target's first layer; the committed targets use one kernel size throughout).</param>
/// <param name="Eta">Slice error η.</param>
/// <param name="CountingBound">Necessary n per layer from counting subsets (<see cref="HiddenSizing.CountingBound"/>).</param>
/// <param name="HiddenPerInput">n chosen per layer.</param>
/// <param name="Reached">Per layer: whether the requested share of slices reached η at that n.</param>
/// <param name="SlicesPerLayer">Kernel slices (c_out·c_in) per layer.</param>
/// <param name="Steps">Every construction tried.</param>
/// <param name="Seconds">Time of the whole search.</param>
public sealed record SizingRow(string Target, int KernelSize, double Eta, IReadOnlyList<int> CountingBound, IReadOnlyList<int> HiddenPerInput,
    IReadOnlyList<bool> Reached, IReadOnlyList<int> SlicesPerLayer, IReadOnlyList<SizingStep> Steps, double Seconds)
{
    /// <summary>The largest n over the layers: what one n for the whole network must be.</summary>
    public int MaxHiddenPerInput => HiddenPerInput.Max();
}
