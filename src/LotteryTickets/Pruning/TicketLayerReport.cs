namespace LotteryTickets.Pruning;

/// <summary>What the construction achieved in one layer.</summary>
/// <param name="Layer">Target layer.</param>
/// <param name="HiddenPerInput">n of the random pair.</param>
/// <param name="Instances">Subset-sum instances solved.</param>
/// <param name="Dimension">Dimension of each instance (d², c_out d² or 1).</param>
/// <param name="MeanCandidates">Mean number of hidden channels offered per instance.</param>
/// <param name="MaxError">Largest slice error (max-norm).</param>
/// <param name="MeanError">Mean slice error.</param>
/// <param name="AboveTolerance">Slices whose error is above the requested tolerance.</param>
/// <param name="WithoutCandidates">Slices whose block had no channel of the needed sign (their error is the slice's size).</param>
/// <param name="Unimproved">Slices with a non-zero target whose best subset is empty (no subset of the offered channels beats pruning them all).</param>
/// <param name="MeanKept">Mean subset size.</param>
/// <param name="ProvenOptimal">Slices whose answer the solver certified optimal.</param>
/// <param name="Seconds">Wall-clock time of the layer.</param>
public sealed record TicketLayerReport(int Layer, int HiddenPerInput, int Instances, int Dimension, double MeanCandidates, double MaxError, double MeanError,
    int AboveTolerance, int WithoutCandidates, int Unimproved, double MeanKept, int ProvenOptimal, double Seconds);
