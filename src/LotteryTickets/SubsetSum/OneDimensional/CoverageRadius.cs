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

    /// <summary>eps*(X) of <paramref name="values"/> over [<paramref name="lower"/>, <paramref name="upper"/>], in O(2^n) time and 8·2^n bytes.</summary>
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
        return Compute(SubsetSums.Sorted(values, maxBytes), lower, upper);
    }

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
        for (int j = start; j < end; j++)
        {
            double halfGap = (sums[j + 1] - sums[j]) * 0.5;
            if (halfGap > bestHalfGap)
            {
                double mid = sums[j] + halfGap;
                if (mid >= lower && mid <= upper) bestHalfGap = halfGap;
            }
        }
        return Math.Max(radius, bestHalfGap);
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
