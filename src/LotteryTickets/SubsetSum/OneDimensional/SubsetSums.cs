namespace LotteryTickets.SubsetSum;

/// <summary>
/// All 2^n subset sums of n values in ascending order, built by merge-doubling in O(2^n) time (no sort):
/// with L_0 = [0] and L_{k+1} = merge(L_k, L_k + x_{k+1}), the list L_n holds Σ_{i∈S} x_i for every subset
/// S (the empty subset gives 0; equal sums of different subsets appear as many times as there are subsets).
/// Each merge runs backwards inside one buffer of 2^n doubles, so the peak memory is the list itself,
/// 8·2^n bytes. Every sum is added in index order starting from 0, so it is bit-identical to the plain
/// loop <c>s = 0; foreach i in S (ascending): s += x_i</c>. On processors with AVX-512 the merges run eight sums at
/// a time (<see cref="VectorMerge"/>), with the same list bit for bit.
/// </summary>
public static class SubsetSums
{
    /// <summary>The 2^n subset sums of <paramref name="values"/> in ascending order.</summary>
    /// <param name="values">The values x_1..x_n (finite; 1 &lt;= n, and 8·2^n bytes within <paramref name="maxBytes"/>).</param>
    /// <param name="maxBytes">Memory limit for the list; the default allows n up to <see cref="EnumerationLimits.MaxSortedSumsN"/>.</param>
    /// <returns>A new array of length 2^n, ascending.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n = 0, or the list would exceed <paramref name="maxBytes"/>.</exception>
    public static double[] Sorted(ReadOnlySpan<double> values, long maxBytes = EnumerationLimits.DefaultMaxBytes)
    {
        EnumerationLimits.CheckSortedSums(values.Length, maxBytes, nameof(values));
        EnumerationLimits.CheckValues(values, nameof(values));
        // Every entry is written before it is read, so the array need not be zeroed first.
        var sums = GC.AllocateUninitializedArray<double>(1 << values.Length);
        FillSorted(values, sums);
        return sums;
    }

    /// <summary>
    /// Writes the sorted subset sums of the first k values into the first 2^k entries of
    /// <paramref name="buffer"/>, for k = 0..n in turn, calling <paramref name="afterEach"/>(k, sums_k) after each
    /// step (k = 0 gives [0]). One pass therefore yields the sums of every prefix of the sample. Inputs are trusted.
    /// </summary>
    internal static void FillSorted(ReadOnlySpan<double> values, Span<double> buffer, PrefixVisitor? afterEach = null)
    {
        buffer[0] = 0.0;
        int count = 1;
        afterEach?.Invoke(0, buffer[..1]);
        for (int k = 0; k < values.Length; k++)
        {
            MergeDouble(buffer, count, values[k]);
            count <<= 1;
            afterEach?.Invoke(k + 1, buffer[..count]);
        }
    }

    /// <summary>Called with the prefix length k and the ascending sums of the first k values.</summary>
    internal delegate void PrefixVisitor(int k, ReadOnlySpan<double> sortedSums);

    /// <summary>
    /// buffer[0..count) is ascending; afterwards buffer[0..2·count) is the ascending merge of it with itself shifted by x:
    /// <see cref="VectorMerge.MergeDouble"/> where the processor has AVX-512, count is large enough and <see cref="VectorPaths"/>
    /// allows it, otherwise <see cref="MergeDoubleScalar"/> (the same list bit for bit).
    /// </summary>
    internal static void MergeDouble(Span<double> buffer, int count, double x)
    {
        if (count >= VectorMerge.MinCount && VectorMerge.IsSupported && VectorPaths.Allows512) VectorMerge.MergeDouble(buffer, count, x);
        else MergeDoubleScalar(buffer, count, x);
    }

    /// <summary>
    /// The scalar merge step. Works backwards: with i and j the last unread entries of the shifted and the plain copy, the
    /// write position i + j + 1 is beyond both while both are non-empty, so no unread entry is overwritten; when the
    /// shifted copy runs out the plain entries left are already in place.
    /// </summary>
    internal static void MergeDoubleScalar(Span<double> buffer, int count, double x)
    {
        int i = count - 1, j = count - 1, w = 2 * count - 1;
        while (i >= 0 && j >= 0)
        {
            double a = buffer[i] + x;
            double b = buffer[j];
            if (a >= b) { buffer[w--] = a; i--; }
            else { buffer[w--] = b; j--; }
        }
        for (; i >= 0; i--) buffer[i] = buffer[i] + x;
    }

    /// <summary>Same merge as <see cref="MergeDouble(Span{double}, int, double)"/>, carrying a bit mask of the chosen indices beside each sum.</summary>
    internal static void MergeDouble(Span<double> sums, Span<uint> masks, int count, double x, uint bit)
    {
        int i = count - 1, j = count - 1, w = 2 * count - 1;
        while (i >= 0 && j >= 0)
        {
            double a = sums[i] + x;
            double b = sums[j];
            if (a >= b) { sums[w] = a; masks[w] = masks[i] | bit; w--; i--; }
            else { sums[w] = b; masks[w] = masks[j]; w--; j--; }
        }
        for (; i >= 0; i--) { sums[i] += x; masks[i] |= bit; }
    }
}
