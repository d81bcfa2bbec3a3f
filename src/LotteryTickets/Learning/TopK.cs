using static TorchSharp.torch;

namespace LotteryTickets.Learning;

/// <summary>
/// The top-k rule of edge-popup with a deterministic tie rule: keep the <c>k</c> eligible units with the largest scores;
/// among equal scores the unit with the lower index (row-major) wins. Exactly <c>k</c> units are kept whatever the ties.
/// The tensor form used in training finds the k-th largest score in linear time (<c>kthvalue</c>), keeps every score
/// above it, and fills the remaining places with the tied units in index order; <see cref="Select"/> is the plain
/// sort-based form, the oracle the tests compare it with.
/// </summary>
public static class TopK
{
    /// <summary>
    /// Marks the <paramref name="k"/> eligible entries with the largest scores (ties: lower index first). Sorts, so
    /// O(N log N): fine for masks, too slow to call at every training step on large layers.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or a score is NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 0 or above the eligible count.</exception>
    public static bool[] Select(IReadOnlyList<float> scores, IReadOnlyList<bool> eligible, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(eligible);
        if (scores.Count != eligible.Count)
            throw new ArgumentException($"scores ({scores.Count}) and eligible ({eligible.Count}) must have the same length.", nameof(eligible));
        var candidates = Enumerable.Range(0, scores.Count).Where(i => eligible[i]).ToArray();
        if (k < 0 || k > candidates.Length)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 0 and the {candidates.Length} eligible units; got {k}.");
        if (candidates.Any(i => float.IsNaN(scores[i]))) throw new ArgumentException("a score is NaN; top-k needs ordered scores.", nameof(scores));
        var order = candidates.OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k);
        var kept = new bool[scores.Count];
        foreach (int i in order) kept[i] = true;
        return kept;
    }

    /// <summary>
    /// The tensor form: a float tensor of <paramref name="scores"/>' shape with 1 at the <paramref name="k"/> largest scores
    /// (ties: lower row-major index first) and 0 elsewhere. No gradient flows through it (the straight-through estimator
    /// adds one, see <see cref="ScoredNetwork"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A score is NaN or infinite.</exception>
    internal static Tensor Mask(Tensor scores, long k)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var flat = scores.detach().reshape(-1);
        long count = flat.shape[0];
        if (k < 1 || k > count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the {count} units; got {k}.");
        // The k-th largest score is the (count - k + 1)-th smallest.
        var threshold = flat.kthvalue(count - k + 1, 0).values;
        if (!threshold.isfinite().item<bool>() || !flat.sum().isfinite().item<bool>())
            throw new InvalidOperationException("a score became NaN or infinite during training (learning rate too large?); the top-k rule needs finite scores.");
        var kept = flat.gt(threshold);
        var tied = flat.eq(threshold);
        long missing = k - kept.sum().item<long>(), ties = tied.sum().item<long>();
        // Usually the threshold's own unit is the only tie; otherwise the first `missing` tied units in index order.
        kept = missing == ties ? kept.logical_or_(tied) : kept.logical_or_(tied.logical_and(tied.to_type(ScalarType.Int64).cumsum(0).le(tensor(missing))));
        return kept.to_type(ScalarType.Float32).reshape(scores.shape).MoveToOuterDisposeScope();
    }
}
