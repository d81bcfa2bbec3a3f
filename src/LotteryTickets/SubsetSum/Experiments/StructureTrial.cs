namespace LotteryTickets.SubsetSum;

/// <summary>
/// One trial of <see cref="StructureComparison"/>: the samples each approach needed and what it kept.
/// "Structured" finds one subset S of the n vectors for the whole target vector (what removing whole kernels forces);
/// "unstructured" solves the d coordinates as d independent one-dimensional problems over the same n vectors'
/// coordinates, one subset S_c per coordinate (what pruning single weights may do).
/// </summary>
/// <param name="Trial">The trial number.</param>
/// <param name="StructuredN">Smallest n for which one subset succeeds (null: not within the experiment's maxN).</param>
/// <param name="UnstructuredN">Smallest n for which every coordinate succeeds with its own subset (null: not within maxN).</param>
/// <param name="StructuredKernelsKept">|S| for the trial's random target at n = StructuredN: whole vectors (kernels) kept.</param>
/// <param name="StructuredWeightsKept">|S|·d: the weights inside the kept kernels.</param>
/// <param name="UnstructuredWeightsKept">Σ_c |S_c| for the trial's random target at n = UnstructuredN: single weights kept.</param>
/// <param name="UnstructuredChannelsTouched">|∪_c S_c|: hidden channels keeping at least one weight; none of them can be removed physically.</param>
public sealed record StructureTrial(int Trial, int? StructuredN, int? UnstructuredN,
    int? StructuredKernelsKept, int? StructuredWeightsKept, int? UnstructuredWeightsKept, int? UnstructuredChannelsTouched);
