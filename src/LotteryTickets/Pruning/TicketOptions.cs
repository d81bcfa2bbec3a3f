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
    /// Optional search budget per structured slice (<see cref="VectorSubsetSumOptions.NodeLimit"/>: k-d tree node pairs for
    /// the exact search, list entries for the k-tree search). Null (default): the solver's own limits, which keep a slice to
    /// tens of milliseconds; every method is deterministic for a seed, so the ticket is the same on every machine and thread
    /// count either way.
    /// </summary>
    public long? NodeLimitPerSlice { get; init; }

    /// <summary>
    /// Optional wall-clock budget per structured slice. Reaching it makes the ticket depend on the machine's speed,
    /// so it is off by default; use it only as a safety net for very large n.
    /// </summary>
    public TimeSpan? TimeLimitPerSlice { get; init; }

    /// <summary>
    /// Algorithm of the multidimensional subset-sum solver (Auto: exact search for small block halves, the k-tree search for
    /// larger ones in dimension up to 12, the local search beyond; see <see cref="VectorSubsetSum.MethodFor"/>).
    /// </summary>
    public VectorSubsetSumMethod Method { get; init; } = VectorSubsetSumMethod.Auto;

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
        if (UnstructuredCandidates < 1 || UnstructuredCandidates > MaxUnstructuredCandidates)
            throw new ArgumentOutOfRangeException(nameof(UnstructuredCandidates), UnstructuredCandidates,
                $"UnstructuredCandidates must be between 1 and {MaxUnstructuredCandidates} (TicketOptions.MaxUnstructuredCandidates); got {UnstructuredCandidates}.");
        if (MaxDegreeOfParallelism is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, $"MaxDegreeOfParallelism must be positive or null; got {MaxDegreeOfParallelism}.");
    }
}
