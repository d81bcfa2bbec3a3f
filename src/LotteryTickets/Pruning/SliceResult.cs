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
