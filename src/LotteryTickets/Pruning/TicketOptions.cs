using LotteryTickets.SubsetSum;

namespace LotteryTickets.Pruning;

/// <summary>
/// Settings of the ticket constructions (<see cref="KernelTicket"/>, <see cref="FilterTicket"/>, <see cref="UnstructuredTicket"/>).
/// </summary>
public sealed record TicketOptions
{
    /// <summary>The default options.</summary>
    public static TicketOptions Default { get; } = new();

    /// <summary>
    /// Per-slice error η in max-norm: each subset-sum search stops at the first subset whose sum is within η of its
    /// target slice (0 asks for the best subset the solver can find). The error budget turns η into a bound on the
    /// network's output error (<see cref="ErrorBudget.FromSliceErrors"/>). Between 0 and 1.
    /// </summary>
    public double SliceTolerance { get; init; } = 0.02;

    /// <summary>
    /// Search budget per structured slice in solver nodes (<see cref="VectorSubsetSumOptions.NodeLimit"/>). A node budget,
    /// unlike a time limit, gives the same ticket on every machine and thread count. Null: no limit.
    /// </summary>
    public long? NodeLimitPerSlice { get; init; } = 20_000;

    /// <summary>
    /// Optional wall-clock budget per structured slice. Reaching it makes the ticket depend on the machine's speed,
    /// so it is off by default; use it only as a safety net for very large n.
    /// </summary>
    public TimeSpan? TimeLimitPerSlice { get; init; }

    /// <summary>Algorithm of the multidimensional subset-sum solver (Auto: exact search for small blocks, heuristic beyond).</summary>
    public VectorSubsetSumMethod Method { get; init; } = VectorSubsetSumMethod.Auto;

    /// <summary>
    /// When a structured slice offers more channels than the solver searches exactly, the construction also solves it
    /// exactly on its first <c>ExactPoolSize</c> channels (fewer when the dimension requires it) and keeps the better of
    /// the two answers. On NSN vectors in low dimension an exact search over ~34 channels often beats the heuristic over
    /// more (docs/construction.md), and the extra call costs milliseconds. Null: one call over all channels.
    /// </summary>
    public int? ExactPoolSize { get; init; } = VectorSubsetSum.AutoExactMaxItems;

    /// <summary>
    /// The unstructured baseline solves each 1-D instance exactly by meet in the middle, which is exponential in the number
    /// of channels offered. It offers the first 8 channels of the needed sign in the block, then 16, 24, ... up to this many,
    /// and stops at the first pool whose best subset is within <see cref="SliceTolerance"/>: O(log 1/ε) channels per weight
    /// suffice in one dimension (da Cunha, Natale, Viennot 2022), and small pools keep the kept subsets small, so the
    /// comparison with the structured tickets is made at the same tolerance. Between 1 and <see cref="MaxUnstructuredCandidates"/>.
    /// </summary>
    public int UnstructuredCandidates { get; init; } = 32;

    /// <summary>Upper limit of <see cref="UnstructuredCandidates"/> (meet in the middle needs 12·2^(c/2+1) bytes per instance).</summary>
    public const int MaxUnstructuredCandidates = 40;

    /// <summary>Threads solving slices in parallel (null: all processors). The ticket does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for unusable values.</summary>
    public void Validate()
    {
        if (!(SliceTolerance >= 0) || SliceTolerance > 1)
            throw new ArgumentOutOfRangeException(nameof(SliceTolerance), SliceTolerance, $"SliceTolerance must be between 0 and 1; got {SliceTolerance}.");
        if (NodeLimitPerSlice is <= 0)
            throw new ArgumentOutOfRangeException(nameof(NodeLimitPerSlice), NodeLimitPerSlice, $"NodeLimitPerSlice must be positive or null; got {NodeLimitPerSlice}.");
        if (TimeLimitPerSlice is TimeSpan t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(TimeLimitPerSlice), t, $"TimeLimitPerSlice must be positive or null; got {t}.");
        if (ExactPoolSize is < 1 or > 62)
            throw new ArgumentOutOfRangeException(nameof(ExactPoolSize), ExactPoolSize, $"ExactPoolSize must be between 1 and 62 or null; got {ExactPoolSize}.");
        if (UnstructuredCandidates < 1 || UnstructuredCandidates > MaxUnstructuredCandidates)
            throw new ArgumentOutOfRangeException(nameof(UnstructuredCandidates), UnstructuredCandidates,
                $"UnstructuredCandidates must be between 1 and {MaxUnstructuredCandidates} (TicketOptions.MaxUnstructuredCandidates); got {UnstructuredCandidates}.");
        if (MaxDegreeOfParallelism is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, $"MaxDegreeOfParallelism must be positive or null; got {MaxDegreeOfParallelism}.");
    }
}

/// <summary>Progress of a ticket construction.</summary>
/// <param name="Variant">Which construction.</param>
/// <param name="Layer">Layer being solved.</param>
/// <param name="Done">Subset-sum instances solved so far (all layers).</param>
/// <param name="Total">Instances in all layers.</param>
/// <param name="Elapsed">Time since the construction started.</param>
public sealed record TicketProgress(TicketVariant Variant, int Layer, int Done, int Total, TimeSpan Elapsed)
{
    /// <inheritdoc />
    public override string ToString() => $"{Variant} ticket: layer {Layer}, {Done}/{Total} subset sums solved, {Elapsed.TotalSeconds:F1} s";
}
