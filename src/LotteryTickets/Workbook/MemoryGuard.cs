using System.Globalization;

namespace LotteryTickets.Workbook;

/// <summary>
/// Refuses work whose memory need exceeds what the machine has, before anything is allocated, with an
/// <see cref="ArgumentOutOfRangeException"/> that says what was asked and what is available (a refusal is better than
/// an out-of-memory crash, or a native allocator failing deep inside libtorch). "Available" is the memory the kernel
/// says can be allocated without swapping (<c>MemAvailable</c> in <c>/proc/meminfo</c> on Linux), capped by the
/// memory .NET may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the machine's memory or a container's limit).
/// </summary>
public static class MemoryGuard
{
    /// <summary>Requests up to this size (64 MiB) are always allowed without asking the machine.</summary>
    public const long SmallBytes = 64L << 20;

    /// <summary>Bytes that can be allocated now, as far as this process can tell (always positive).</summary>
    public static long AvailableBytes()
    {
        long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long? free = MemAvailable();
        long available = free is long f ? Math.Min(f, total) : total;
        return Math.Max(1, available);
    }

    /// <summary>
    /// Throws when <paramref name="bytes"/> exceeds <paramref name="available"/> (by default <see cref="AvailableBytes"/>).
    /// </summary>
    /// <param name="bytes">The memory the work would need.</param>
    /// <param name="paramName">The argument that sets the size, named in the exception.</param>
    /// <param name="actualValue">That argument's value.</param>
    /// <param name="what">What would need the memory, e.g. "a forward pass of random at batch 4096".</param>
    /// <param name="advice">What to do instead, e.g. "use a batch of at most 300".</param>
    /// <param name="available">The memory available; null to ask the machine.</param>
    /// <exception cref="ArgumentOutOfRangeException">The need exceeds what is available.</exception>
    public static void Check(double bytes, string paramName, object? actualValue, string what, string advice, long? available = null)
    {
        // Small requests are not worth a look at /proc/meminfo (guards sit on paths called thousands of times).
        if (available is null && bytes <= SmallBytes) return;
        long limit = available ?? AvailableBytes();
        if (bytes <= limit) return;
        throw new ArgumentOutOfRangeException(paramName, actualValue,
            $"{what} would need about {Describe(bytes)}, but this machine has {Describe(limit)} available" +
            (advice.Length > 0 ? $": {advice}." : "."));
    }

    /// <summary>A byte count in full and in GiB, e.g. "32,212,254,720 bytes (30.0 GiB)"; sizes beyond a long are written in powers of ten.</summary>
    public static string Describe(double bytes) => bytes < 9e18
        ? string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Round(bytes):N0} bytes ({bytes / (1L << 30):F1} GiB)")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.##e+0} bytes ({bytes / (1L << 30):0.##e+0} GiB)");

    private static long? MemAvailable()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long kib) ? kib * 1024 : null;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
