namespace LotteryTickets.Pruning;

/// <summary>One step of <see cref="HiddenSizing.Search"/>: one layer constructed at one n.</summary>
/// <param name="Layer">Target layer.</param>
/// <param name="HiddenPerInput">n tried.</param>
/// <param name="FractionWithin">Share of the layer's slices whose error reached η.</param>
/// <param name="MaxError">Largest slice error.</param>
/// <param name="MeanError">Mean slice error.</param>
/// <param name="Seconds">Construction time of the layer.</param>
public sealed record SizingStep(int Layer, int HiddenPerInput, double FractionWithin, double MaxError, double MeanError, double Seconds);
