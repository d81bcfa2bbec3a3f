namespace LotteryTickets.SubsetSum;

/// <summary>
/// The named limits that guard the exponential enumerations of this folder. A list of all 2^n subset
/// sums needs 8·2^n bytes (n = 28 is 2 GiB); meet in the middle keeps two half lists of 2^(n/2) sums with
/// their subset masks, 12 bytes per entry. Methods that enumerate check the bytes they would need against
/// a limit (by default <see cref="DefaultMaxBytes"/>) before allocating and throw an
/// <see cref="ArgumentOutOfRangeException"/> that gives the bytes needed and the limit.
/// </summary>
public static class EnumerationLimits
{
    /// <summary>Default memory limit for one enumeration: 2 GiB (the sorted list of all subset sums of n = 28 values).</summary>
    public const long DefaultMaxBytes = 2L << 30;

    /// <summary>Largest n whose sorted subset-sum list fits in <see cref="DefaultMaxBytes"/> (8·2^28 bytes = 2 GiB).</summary>
    public const int MaxSortedSumsN = 28;

    /// <summary>Bytes per entry in a meet-in-the-middle half list: one double sum and one 32-bit subset mask.</summary>
    public const int MeetInTheMiddleBytesPerEntry = 12;

    /// <summary>Bytes needed by the sorted list of all 2^n subset sums: 8·2^n (the list is built in place, so this is also the peak).</summary>
    /// <param name="n">Number of values, 0..59 (beyond, the count does not fit in a long).</param>
    public static long SortedSumsBytes(int n) => sizeof(double) * (1L << n);

    /// <summary>Bytes needed by meet in the middle on n values: 12·(2^floor(n/2) + 2^ceil(n/2)).</summary>
    /// <param name="n">Number of values, 0..62.</param>
    public static long MeetInTheMiddleBytes(int n) =>
        MeetInTheMiddleBytesPerEntry * ((1L << (n / 2)) + (1L << (n - n / 2)));

    internal static void CheckValues(ReadOnlySpan<double> values, string paramName)
    {
        double total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{paramName} must all be finite numbers; {paramName}[{i}] = {values[i]}.", paramName);
            total += Math.Abs(values[i]);
        }
        if (!double.IsFinite(total))
            throw new ArgumentException(
                $"{paramName} are too large: the sum of their absolute values overflows a double, so subset sums would be infinite.", paramName);
    }

    internal static void CheckSortedSums(int n, long maxBytes, string paramName)
    {
        CheckMaxBytes(maxBytes);
        if (n < 1)
            throw new ArgumentOutOfRangeException(paramName, n, $"{paramName} must hold at least 1 value; got {n}.");
        // Array.MaxLength bounds the element count independently of the byte limit.
        if (n > 30 || SortedSumsBytes(n) > maxBytes)
        {
            // In doubles: 8·2^n overflows a long from n = 60 on.
            string needed = Workbook.MemoryGuard.Describe(sizeof(double) * Math.ScaleB(1.0, n));
            throw new ArgumentOutOfRangeException(paramName, n,
                $"{paramName} must hold between 1 and {MaxN(maxBytes, SortedSumsBytes, 30)} values: the sorted list of 2^{n} subset sums would need {needed}, " +
                $"above the limit of {maxBytes:N0} bytes (EnumerationLimits.DefaultMaxBytes = {DefaultMaxBytes:N0}; pass maxBytes to change it); got {n} values.");
        }
    }

    internal static void CheckMeetInTheMiddle(int n, long maxBytes, string paramName)
    {
        CheckMaxBytes(maxBytes);
        if (n < 1)
            throw new ArgumentOutOfRangeException(paramName, n, $"{paramName} must hold at least 1 value; got {n}.");
        if (n > 60 || MeetInTheMiddleBytes(n) > maxBytes)
        {
            string needed = Workbook.MemoryGuard.Describe(MeetInTheMiddleBytesPerEntry * (Math.ScaleB(1.0, n / 2) + Math.ScaleB(1.0, n - n / 2)));
            throw new ArgumentOutOfRangeException(paramName, n,
                $"{paramName} must hold between 1 and {MaxN(maxBytes, MeetInTheMiddleBytes, 60)} values: meet in the middle on {n} values would need {needed} " +
                $"for its two half lists, above the limit of {maxBytes:N0} bytes (EnumerationLimits.DefaultMaxBytes = {DefaultMaxBytes:N0}; pass maxBytes to change it); got {n} values.");
        }
    }

    private static void CheckMaxBytes(long maxBytes)
    {
        if (maxBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, $"maxBytes must be positive; got {maxBytes}.");
    }

    private static int MaxN(long maxBytes, Func<int, long> bytes, int cap)
    {
        int n = 0;
        while (n < cap && bytes(n + 1) <= maxBytes) n++;
        return n;
    }
}
