namespace LotteryTickets.SubsetSum;

/// <summary>
/// Which algorithm <see cref="VectorSubsetSum.Solve"/> uses. See <see cref="VectorSubsetSum"/> for what
/// each one does and when <see cref="Auto"/> picks which.
/// </summary>
public enum VectorSubsetSumMethod
{
    /// <summary>
    /// <see cref="Exact"/> when the instance is small enough for it to finish quickly
    /// (see <see cref="VectorSubsetSum.UsesExactSearch"/>), otherwise <see cref="Heuristic"/>.
    /// </summary>
    Auto,

    /// <summary>
    /// Meet in the middle over two k-d trees of half sums, searched together (a dual-tree branch and bound).
    /// Certifies optimality when it runs to the end; memory grows as 2^(n/2).
    /// </summary>
    Exact,

    /// <summary>
    /// Greedy start, then local search (add, drop, swap one vector) and large-neighbourhood moves that
    /// re-solve a window of about 20 vectors exactly with the rest fixed. Deterministic for a given
    /// <see cref="VectorSubsetSumOptions.Seed"/>; never claims optimality (unless the error is 0).
    /// </summary>
    Heuristic,

    /// <summary>
    /// The k-tree (generalized birthday) search for many candidates: leaves of about 8 candidates list all their subset
    /// sums, and a binary tree merges them pairwise, keeping at every node only the partial sums whose coordinates fall
    /// in windows around that node's share of the target, narrowing a few coordinates per level; the root picks the best
    /// pair. Deterministic for a given <see cref="VectorSubsetSumOptions.Seed"/>; never claims optimality (unless the
    /// error is 0). Needs at least <see cref="VectorSubsetSum.KTreeMinItems"/> vectors; does not support
    /// <see cref="VectorSubsetSumOptions.FixedSize"/>.
    /// </summary>
    KTree,
}
