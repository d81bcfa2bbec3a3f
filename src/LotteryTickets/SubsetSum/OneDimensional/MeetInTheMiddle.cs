namespace LotteryTickets.SubsetSum;

/// <summary>
/// The exact best subset for one target by Horowitz–Sahni meet in the middle: split the n values into
/// halves A and B, list the 2^(n/2) subset sums of each half in ascending order (merge-doubling, with the
/// subset mask beside each sum), then scan A upwards and B downwards with two pointers to find
/// min over (a, b) of |z - (a + b)|. Time and memory O(2^(n/2)) instead of O(2^n): n = 44 needs about
/// 100 MB and a fraction of a second. This is the per-weight search of the unstructured baseline
/// (one 1-D subset-sum instance per target weight).
/// </summary>
public static class MeetInTheMiddle
{
    /// <summary>
    /// The subset S of <paramref name="values"/> minimising |<paramref name="target"/> - Σ_{i∈S} x_i|
    /// (ties broken by the scan order; the empty subset is allowed).
    /// </summary>
    /// <param name="values">The values x_1..x_n (finite; 1 &lt;= n and 12·(2^floor(n/2) + 2^ceil(n/2)) bytes within <paramref name="maxBytes"/>).</param>
    /// <param name="target">The target z (finite).</param>
    /// <param name="maxBytes">Memory limit for the two half lists; the default allows n up to 52.</param>
    /// <returns>The chosen indices (ascending), their sum (added in index order) and the error.</returns>
    /// <exception cref="ArgumentException">A value or the target is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n = 0, or the half lists would exceed <paramref name="maxBytes"/>.</exception>
    public static SubsetChoice BestSubset(ReadOnlySpan<double> values, double target, long maxBytes = EnumerationLimits.DefaultMaxBytes)
    {
        EnumerationLimits.CheckMeetInTheMiddle(values.Length, maxBytes, nameof(values));
        EnumerationLimits.CheckValues(values, nameof(values));
        if (!double.IsFinite(target))
            throw new ArgumentException($"target must be a finite number; got {target}.", nameof(target));

        int n = values.Length;
        int half = n / 2;
        var (sumsA, masksA) = HalfList(values[..half]);
        var (sumsB, masksB) = HalfList(values[half..]);

        // Two pointers: i ascends through A, j descends through B. If a_i + b_j < z no later b pairs
        // better with a_i, so advance i; if above, no later a pairs better with b_j, so step j down.
        int i = 0, j = sumsB.Length - 1, bestI = 0, bestJ = j;
        double bestError = double.PositiveInfinity;
        while (i < sumsA.Length && j >= 0)
        {
            double difference = sumsA[i] + sumsB[j] - target;
            double error = Math.Abs(difference);
            if (error < bestError) { bestError = error; bestI = i; bestJ = j; }
            if (difference < 0) i++;
            else if (difference > 0) j--;
            else break;
        }

        var indices = new List<int>();
        for (int k = 0; k < half; k++)
            if ((masksA[bestI] & (1u << k)) != 0) indices.Add(k);
        for (int k = 0; k < n - half; k++)
            if ((masksB[bestJ] & (1u << k)) != 0) indices.Add(half + k);
        return SubsetChoice.Create(values, [.. indices], target);
    }

    private static (double[] Sums, uint[] Masks) HalfList(ReadOnlySpan<double> values)
    {
        // Entries are written before they are read; only the first (the empty subset) needs a value.
        var sums = GC.AllocateUninitializedArray<double>(1 << values.Length);
        var masks = GC.AllocateUninitializedArray<uint>(sums.Length);
        sums[0] = 0;
        masks[0] = 0;
        int count = 1;
        for (int k = 0; k < values.Length; k++)
        {
            SubsetSums.MergeDouble(sums, masks, count, values[k], 1u << k);
            count <<= 1;
        }
        return (sums, masks);
    }
}
