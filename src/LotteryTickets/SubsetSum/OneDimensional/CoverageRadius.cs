using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The exact coverage radius of a sample X = (x_1..x_n) over a target interval [a, b] (default [-1, 1]):
/// eps*(X) = sup_{z∈[a,b]} min_{S⊆[n]} |z - Σ_{i∈S} x_i|, the smallest eps for which EVERY target in [a, b]
/// is eps-approximated by some subset sum (Lueker's theorem says eps*(X) ≤ eps with high probability once
/// n ≥ C·log(1/eps); theory.md section 1).
/// <para>
/// Derivation: with the sorted sums s_1 ≤ … ≤ s_N (N = 2^n), f(z) = min_j |z - s_j| is continuous and
/// piecewise linear: decreasing left of s_1, increasing right of s_N, and a tent of height (s_{j+1}-s_j)/2
/// with its peak at the midpoint m_j on [s_j, s_{j+1}]. Its maximum over [a, b] is therefore reached at a,
/// at b, or at a peak m_j inside [a, b], so eps* = max(f(a), f(b), max over j with m_j ∈ [a, b] of
/// (s_{j+1}-s_j)/2). This also holds when [a, b] lies partly or wholly outside [s_1, s_N]: then f(a) or
/// f(b) is the distance to the extreme sum and no peak lies outside [s_1, s_N].
/// </para>
/// </summary>
public static class CoverageRadius
{
    /// <summary>The default target interval's lower end, -1 (the paper's targets are weights in [-1, 1]).</summary>
    public const double DefaultLower = -1.0;

    /// <summary>The default target interval's upper end, 1.</summary>
    public const double DefaultUpper = 1.0;

    /// <summary>
    /// eps*(X) of <paramref name="values"/> over [<paramref name="lower"/>, <paramref name="upper"/>], in O(2^n) time and
    /// 4·2^n bytes: only the sorted sums L of the first n - 1 values are listed; the sums are L ∪ (L + x_n), and the gaps
    /// of that union are read off L with one pass (see <see cref="WithLastValue"/>). The result is the same bit for bit as
    /// <see cref="OfSortedSums"/> on the full sorted list.
    /// </summary>
    /// <param name="values">The sample x_1..x_n (finite; 1 ≤ n ≤ <see cref="EnumerationLimits.MaxSortedSumsN"/> with the default limit).</param>
    /// <param name="lower">Lower end a of the target interval (finite, a &lt; b).</param>
    /// <param name="upper">Upper end b of the target interval (finite).</param>
    /// <param name="maxBytes">Memory limit for the list of 2^n sums.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or the interval is empty, reversed or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n = 0, or the 2^n list would exceed <paramref name="maxBytes"/>.</exception>
    public static double Of(ReadOnlySpan<double> values, double lower = DefaultLower, double upper = DefaultUpper,
        long maxBytes = EnumerationLimits.DefaultMaxBytes)
    {
        CheckInterval(lower, upper);
        EnumerationLimits.CheckSortedSums(values.Length, maxBytes, nameof(values));
        EnumerationLimits.CheckValues(values, nameof(values));
        int n = values.Length;
        if (n < LastValueMinN) return Compute(SubsetSums.Sorted(values, maxBytes), lower, upper);
        // The list is scratch: a pooled array (rented arrays hold stale values; every entry is written before it is read)
        // spares repeated calls the first touch of fresh memory, which costs more than the merges on this project's
        // virtual machines (about 4 µs per 4 KiB page: 250 ms for 256 MiB). Lists above PooledMaxN values are allocated
        // and dropped, so the pool never keeps them.
        int count = 1 << (n - 1);
        bool pooled = n - 1 <= PooledMaxN;
        double[] sums = pooled ? SumBuffers.Rent<double>(count) : GC.AllocateUninitializedArray<double>(count);
        try
        {
            SubsetSums.FillSorted(values[..^1], sums.AsSpan(0, count));
            return WithLastValue(sums.AsSpan(0, count), values[^1], lower, upper);
        }
        finally
        {
            if (pooled) SumBuffers.Return(ref sums);
        }
    }

    /// <summary>Smallest n for which <see cref="Of"/> lists the sums of n - 1 values and scans the last one in (below, the full list is as quick).</summary>
    internal const int LastValueMinN = 8;

    /// <summary>Largest n - 1 whose list (8·2^(n-1) bytes: 256 MiB) <see cref="Of"/> rents from the shared array pool.</summary>
    private const int PooledMaxN = 25;

    /// <summary>eps* over [<paramref name="lower"/>, <paramref name="upper"/>] of an ascending list of sums (for example from <see cref="SubsetSums.Sorted"/>), in O(N).</summary>
    /// <param name="sortedSums">The subset sums in ascending order (finite, non-empty).</param>
    /// <param name="lower">Lower end a of the target interval (finite, a &lt; b).</param>
    /// <param name="upper">Upper end b of the target interval (finite).</param>
    /// <exception cref="ArgumentException">The list is empty, not ascending, or holds a non-finite value; or the interval is invalid.</exception>
    public static double OfSortedSums(ReadOnlySpan<double> sortedSums, double lower = DefaultLower, double upper = DefaultUpper)
    {
        CheckSorted(sortedSums);
        CheckInterval(lower, upper);
        return Compute(sortedSums, lower, upper);
    }

    /// <summary>The radius with where it is attained, the end distances and the largest relevant gap (see <see cref="CoverageReport"/>).</summary>
    /// <param name="values">The sample x_1..x_n (finite; 1 ≤ n ≤ <see cref="EnumerationLimits.MaxSortedSumsN"/> with the default limit).</param>
    /// <param name="lower">Lower end a of the target interval (finite, a &lt; b).</param>
    /// <param name="upper">Upper end b of the target interval (finite).</param>
    /// <param name="maxBytes">Memory limit for the list of 2^n sums.</param>
    public static CoverageReport Analyze(ReadOnlySpan<double> values, double lower = DefaultLower, double upper = DefaultUpper,
        long maxBytes = EnumerationLimits.DefaultMaxBytes)
    {
        CheckInterval(lower, upper);
        double[] sums = SubsetSums.Sorted(values, maxBytes);
        return Analyze(sums, values.Length, lower, upper);
    }

    /// <summary>The smallest number of values n for which a covering of [a, b] with radius eps is possible at all:
    /// the 2^n sums each cover at most 2·eps of the interval, so n ≥ log2((b - a) / (2·eps)); for [-1, 1] that is log2(1/eps).</summary>
    /// <param name="eps">The radius (positive, finite).</param>
    /// <param name="lower">Lower end a of the target interval.</param>
    /// <param name="upper">Upper end b of the target interval.</param>
    public static double CountingLowerBound(double eps, double lower = DefaultLower, double upper = DefaultUpper)
    {
        CheckEps(eps);
        CheckInterval(lower, upper);
        return Math.Log2((upper - lower) / (2.0 * eps));
    }

    internal static double Compute(ReadOnlySpan<double> sums, double lower, double upper)
    {
        double radius = Math.Max(DistanceToNearest(sums, lower), DistanceToNearest(sums, upper));
        // A gap [s_j, s_{j+1}] can have its midpoint in [a, b] only if s_j ≤ b and s_{j+1} ≥ a.
        int start = Math.Max(0, LowerBound(sums, lower) - 1);
        int end = Math.Min(sums.Length - 1, UpperBound(sums, upper));
        double bestHalfGap = 0;
        // Only gaps wider than the best so far need their midpoint checked; they are found eight at a time.
        for (int j = NextWideGap(sums, start, end, 0); j < end; j = NextWideGap(sums, j + 1, end, bestHalfGap))
        {
            double halfGap = (sums[j + 1] - sums[j]) * 0.5;
            double mid = sums[j] + halfGap;
            if (mid >= lower && mid <= upper) bestHalfGap = halfGap;
        }
        return Math.Max(radius, bestHalfGap);
    }

    /// <summary>
    /// eps* over [lower, upper] of the sums L ∪ (L + x) (each shifted sum computed as l + x), given L ascending: the same
    /// value, bit for bit, as <see cref="Compute"/> on the merged list, without writing that list.
    /// <para>
    /// Every pair of neighbours in the union lies inside one gap [l_j, l_{j+1}] of L (or below l_0, or above the last l):
    /// no sum of L lies strictly between them. A gap of L whose half is at most the radius found so far (the end distances,
    /// then the largest qualifying half-gap) cannot contain a wider pair, so it is skipped; the others are split by the
    /// shifted sums that fall inside them (found with a cursor that only moves forward) and scanned like
    /// <see cref="Compute"/>. The gaps of L are twice as wide as the union's, yet the widest ones of the union are far
    /// wider still (the largest of 2^n gaps is about ln 2^n times the mean), so once the radius found so far is near the
    /// answer, about one gap of L in a thousand at n = 24 is split; the pass costs little more than reading L once.
    /// </para>
    /// </summary>
    internal static double WithLastValue(ReadOnlySpan<double> l, double x, double lower, double upper)
    {
        var scan = new LastValueScan(l, x, lower, upper);
        int m = l.Length;
        // Pairs at or below l_0 have their midpoint at or below l_0; pairs at or above the last l, at or above it.
        if (l[0] >= lower) scan.Below();
        int start = Math.Max(0, LowerBound(l, lower) - 1);
        int end = Math.Min(m - 1, UpperBound(l, upper));
        for (int j = NextWideGap(l, start, end, scan.Bound); j < end; j = NextWideGap(l, j + 1, end, scan.Bound))
            scan.Split(j);
        if (l[m - 1] <= upper) scan.Above();
        return scan.Result;
    }

    /// <summary>The state of <see cref="WithLastValue"/>: the end distances, the best half-gap, the cursor into the shifted sums.</summary>
    private ref struct LastValueScan
    {
        private readonly ReadOnlySpan<double> _l;
        private readonly double _x, _lower, _upper, _ends;
        private double _best;
        private int _cursor;

        public LastValueScan(ReadOnlySpan<double> l, double x, double lower, double upper)
        {
            _l = l;
            _x = x;
            _lower = lower;
            _upper = upper;
            _ends = Math.Max(Distance(lower), Distance(upper));
        }

        /// <summary>Gaps of L with a half at most this cannot change the result.</summary>
        public readonly double Bound => Math.Max(_ends, _best);

        /// <summary>The radius: the larger of the end distances and the largest half-gap whose midpoint is in [lower, upper].</summary>
        public readonly double Result => Math.Max(_ends, _best);

        /// <summary>The pairs inside [l_j, l_{j+1}]: l_j, the shifted sums in [l_j, l_{j+1}) in order, l_{j+1}.</summary>
        public void Split(int j)
        {
            double previous = _l[j], next = _l[j + 1];
            Seek(previous);
            for (; _cursor < _l.Length; _cursor++)
            {
                double shifted = _l[_cursor] + _x;
                if (shifted >= next) break;
                Pair(previous, shifted);
                previous = shifted;
            }
            Pair(previous, next);
        }

        /// <summary>The pairs below l_0: the shifted sums below it in order, then l_0.</summary>
        public void Below()
        {
            double first = _l[0], previous = double.NaN;
            for (; _cursor < _l.Length; _cursor++)
            {
                double shifted = _l[_cursor] + _x;
                if (shifted >= first) break;
                if (!double.IsNaN(previous)) Pair(previous, shifted);
                previous = shifted;
            }
            if (!double.IsNaN(previous)) Pair(previous, first);
        }

        /// <summary>The pairs above the last l: it, then the shifted sums at or above it in order.</summary>
        public void Above()
        {
            double previous = _l[^1];
            Seek(previous);
            for (; _cursor < _l.Length; _cursor++)
            {
                double shifted = _l[_cursor] + _x;
                Pair(previous, shifted);
                previous = shifted;
            }
        }

        // The same test as Compute's loop.
        private void Pair(double a, double b)
        {
            double halfGap = (b - a) * 0.5;
            if (halfGap > _best)
            {
                double mid = a + halfGap;
                if (mid >= _lower && mid <= _upper) _best = halfGap;
            }
        }

        // Moves the cursor to the first shifted sum >= z (z never decreases between calls): doubling steps, then bisection.
        private void Seek(double z)
        {
            int lo = _cursor, m = _l.Length;
            if (lo >= m || _l[lo] + _x >= z) return;
            // Invariant: shifted(lo) < z; find hi with shifted(hi) >= z or hi = m.
            int step = 1, hi = lo + 1;
            while (hi < m && _l[hi] + _x < z)
            {
                lo = hi;
                step <<= 1;
                hi = (int)Math.Min((long)lo + step, m);
            }
            while (hi - lo > 1)
            {
                int mid = (lo + hi) >>> 1;
                if (_l[mid] + _x < z) lo = mid; else hi = mid;
            }
            _cursor = hi;
        }

        // Distance from z to the nearest sum of L ∪ (L + x): the nearest on each side in each list (as DistanceToNearest).
        private readonly double Distance(double z)
        {
            int i = LowerBound(_l, z);
            double best = double.PositiveInfinity;
            if (i < _l.Length) best = _l[i] - z;
            if (i > 0) best = Math.Min(best, z - _l[i - 1]);
            int lo = 0, hi = _l.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_l[mid] + _x < z) lo = mid + 1; else hi = mid;
            }
            if (lo < _l.Length) best = Math.Min(best, _l[lo] + _x - z);
            if (lo > 0) best = Math.Min(best, z - (_l[lo - 1] + _x));
            return best;
        }
    }

    // First j in [from, end) with (s[j + 1] - s[j]) * 0.5 > threshold, or end; the same arithmetic as the scalar test,
    // eight (or four) gaps per vector compare (as VectorPaths allows). Needs end <= s.Length - 1.
    private static int NextWideGap(ReadOnlySpan<double> s, int from, int end, double threshold)
    {
        int j = from;
        ref double r = ref MemoryMarshal.GetReference(s);
        if (Vector512.IsHardwareAccelerated && VectorPaths.Allows512)
        {
            var t = Vector512.Create(threshold);
            for (; j + 8 <= end; j += 8)
            {
                var half = (Vector512.LoadUnsafe(ref r, (nuint)(j + 1)) - Vector512.LoadUnsafe(ref r, (nuint)j)) * 0.5;
                ulong wide = Vector512.GreaterThan(half, t).ExtractMostSignificantBits();
                if (wide != 0) return j + BitOperations.TrailingZeroCount(wide);
            }
        }
        else if (Vector256.IsHardwareAccelerated && VectorPaths.Allows256)
        {
            var t = Vector256.Create(threshold);
            for (; j + 4 <= end; j += 4)
            {
                var half = (Vector256.LoadUnsafe(ref r, (nuint)(j + 1)) - Vector256.LoadUnsafe(ref r, (nuint)j)) * 0.5;
                uint wide = Vector256.GreaterThan(half, t).ExtractMostSignificantBits();
                if (wide != 0) return j + BitOperations.TrailingZeroCount(wide);
            }
        }
        for (; j < end; j++)
            if ((s[j + 1] - s[j]) * 0.5 > threshold) return j;
        return end;
    }

    internal static CoverageReport Analyze(ReadOnlySpan<double> sums, int n, double lower, double upper)
    {
        double dLower = DistanceToNearest(sums, lower), dUpper = DistanceToNearest(sums, upper);
        double radius = dLower, worst = lower;
        if (dUpper > radius) { radius = dUpper; worst = upper; }
        int start = Math.Max(0, LowerBound(sums, lower) - 1);
        int end = Math.Min(sums.Length - 1, UpperBound(sums, upper));
        double largestGap = 0, gapStart = double.NaN;
        for (int j = start; j < end; j++)
        {
            double gap = sums[j + 1] - sums[j];
            double mid = sums[j] + gap * 0.5;
            if (mid >= lower && mid <= upper && (gap > largestGap || double.IsNaN(gapStart)))
            {
                largestGap = gap;
                gapStart = sums[j];
            }
        }
        if (largestGap * 0.5 > radius) { radius = largestGap * 0.5; worst = gapStart + largestGap * 0.5; }
        int inside = UpperBound(sums, upper) - LowerBound(sums, lower);
        return new CoverageReport(n, lower, upper, radius, worst, dLower, dUpper, largestGap, gapStart, inside);
    }

    internal static void CheckInterval(double lower, double upper)
    {
        if (!double.IsFinite(lower))
            throw new ArgumentException($"lower must be a finite number; got {lower}.", nameof(lower));
        if (!double.IsFinite(upper))
            throw new ArgumentException($"upper must be a finite number; got {upper}.", nameof(upper));
        if (!(lower < upper))
            throw new ArgumentException(
                $"upper must be greater than lower (the target interval [lower, upper] must be non-empty and not reversed); got lower = {lower}, upper = {upper}.",
                nameof(upper));
    }

    internal static void CheckEps(double eps)
    {
        if (!(eps > 0) || !double.IsFinite(eps))
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"eps must be a positive finite number; got {eps}.");
    }

    private static void CheckSorted(ReadOnlySpan<double> sums)
    {
        if (sums.IsEmpty)
            throw new ArgumentException("sortedSums must hold at least one sum; got an empty list.", "sortedSums");
        for (int i = 0; i < sums.Length; i++)
        {
            if (!double.IsFinite(sums[i]))
                throw new ArgumentException($"sortedSums must all be finite; sortedSums[{i}] = {sums[i]}.", "sortedSums");
            if (i > 0 && sums[i] < sums[i - 1])
                throw new ArgumentException($"sortedSums must be in ascending order; sortedSums[{i}] = {sums[i]} < sortedSums[{i - 1}] = {sums[i - 1]}.", "sortedSums");
        }
    }

    // Distance from z to the nearest element of a non-empty ascending list.
    private static double DistanceToNearest(ReadOnlySpan<double> sums, double z)
    {
        int i = LowerBound(sums, z);
        double best = double.PositiveInfinity;
        if (i < sums.Length) best = sums[i] - z;
        if (i > 0) best = Math.Min(best, z - sums[i - 1]);
        return best;
    }

    // First index with sums[i] >= z (sums.Length if none).
    private static int LowerBound(ReadOnlySpan<double> sums, double z)
    {
        int lo = 0, hi = sums.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sums[mid] < z) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // First index with sums[i] > z (sums.Length if none).
    private static int UpperBound(ReadOnlySpan<double> sums, double z)
    {
        int lo = 0, hi = sums.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sums[mid] <= z) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
