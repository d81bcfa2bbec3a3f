namespace LotteryTickets.SubsetSum;

/// <summary>
/// How the error of a vector subset sum is measured: ||z - Σ_{i∈S} X_i|| for the target z.
/// The multidimensional random subset-sum theorems (Becchetti et al.; the paper's NSN lemma) are stated
/// in the max-norm, which is also what the error budget of a pruned layer needs (every weight of a kernel
/// within eta).
/// </summary>
public enum VectorNorm
{
    /// <summary>The max-norm (L∞): the largest absolute coordinate, max_c |v_c|.</summary>
    Max,

    /// <summary>The Euclidean norm (L2): sqrt(Σ_c v_c²).</summary>
    Euclidean,
}
