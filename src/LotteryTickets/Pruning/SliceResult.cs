namespace LotteryTickets.Pruning;

/// <summary>
/// One subset-sum instance of a construction and its answer. A slice is the part of the target the instance
/// approximates: a kernel <c>sign · K[j, t]</c> (kernel variant, dimension d²), all kernels of an input channel
/// <c>sign · K[:, t]</c> (filter variant, c_out d²) or one entry <c>sign · K[j, t, a, b]</c> (unstructured).
/// </summary>
/// <param name="Layer">Target layer.</param>
/// <param name="Output">Output channel j, or -1 when the slice covers all outputs (filter variant).</param>
/// <param name="Input">Input channel t (its block B_t supplies the candidates).</param>
/// <param name="Entry">Kernel entry a d + b (unstructured), or -1 for whole kernels.</param>
/// <param name="Sign">+1: approximate K from the channels with u_i &gt; 0 (they pass relu(X)); -1: approximate -K from u_i &lt; 0 (they pass relu(-X)).</param>
/// <param name="Candidates">Number of hidden channels offered (unstructured: at most <see cref="TicketOptions.UnstructuredCandidates"/>).</param>
/// <param name="Kept">Hidden channels chosen (indices into the random pair's m channels), ascending.</param>
/// <param name="Error">Max-norm error of the chosen subset sum against the slice.</param>
/// <param name="EmptyError">Error of the empty subset (the slice's max |value|): no progress when Error equals it.</param>
/// <param name="ProvenOptimal">Whether the solver certified that no subset of the offered candidates does better.</param>
public sealed record SliceResult(int Layer, int Output, int Input, int Entry, int Sign, int Candidates, int[] Kept, double Error, double EmptyError, bool ProvenOptimal);

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
