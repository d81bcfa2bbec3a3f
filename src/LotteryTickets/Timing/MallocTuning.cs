using System.Runtime.InteropServices;

namespace LotteryTickets.Timing;

/// <summary>
/// glibc's allocator and large activations. With glibc's default malloc, every allocation above a threshold (128 KiB
/// to 32 MiB, adapted dynamically) is served by <c>mmap</c> and returned by <c>munmap</c>, so a batch-128 forward pass
/// maps and unmaps its large activation tensors on every call, and each fresh page costs a page fault. On the virtual
/// machines this workbook was measured on that made batch-128 runs of the large random network up to 20x slower.
/// Two remedies: start the process with <see cref="RecommendedTunables"/> in <c>GLIBC_TUNABLES</c> (glibc reads it only
/// at start-up, so a running notebook kernel cannot set it), or call <see cref="ApplyAtRuntime"/>, which makes the same
/// two settings with <c>mallopt</c> in the running process.
/// </summary>
public static class MallocTuning
{
    /// <summary>The environment variable glibc reads at start-up.</summary>
    public const string EnvironmentVariable = "GLIBC_TUNABLES";

    /// <summary>No allocation is served by mmap, and freed memory is kept unless 16 GiB sit unused at the heap's top.</summary>
    public const string RecommendedTunables = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=17179869184";

    // mallopt parameters from malloc.h.
    private const int M_TRIM_THRESHOLD = -1, M_MMAP_MAX = -4;

    private static readonly Lock Gate = new();
    private static string? _runtimeStatus;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MallOpt(int parameter, int value);

    /// <summary>The value of GLIBC_TUNABLES this process started with, or null when unset.</summary>
    public static string? CurrentTunables => Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>Whether the process started with mmap disabled for malloc (<c>glibc.malloc.mmap_max=0</c> in GLIBC_TUNABLES).</summary>
    public static bool StartedWithRecommendedTunables =>
        CurrentTunables?.Split(':').Any(t => t.Trim() == "glibc.malloc.mmap_max=0") == true;

    /// <summary>Whether <see cref="ApplyAtRuntime"/> succeeded in this process.</summary>
    public static bool AppliedAtRuntime { get; private set; }

    /// <summary>
    /// Calls <c>mallopt(M_MMAP_MAX, 0)</c> and <c>mallopt(M_TRIM_THRESHOLD, int.MaxValue)</c> once, the runtime form of
    /// <see cref="RecommendedTunables"/> (the trim threshold is capped at 2 GiB by mallopt's int argument). The change
    /// lasts for the rest of the process: memory freed by large tensors is kept for reuse instead of being returned to
    /// the system. Does nothing outside glibc. Never throws.
    /// </summary>
    /// <returns>What happened, in words.</returns>
    public static string ApplyAtRuntime()
    {
        lock (Gate)
        {
            return _runtimeStatus ??= TryApply();
        }
    }

    private static string TryApply()
    {
        try
        {
            if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc) || !NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _))
                return "not applied: not a glibc process";
            if (!NativeLibrary.TryGetExport(libc, "mallopt", out var address))
                return "not applied: mallopt not found";
            var mallopt = Marshal.GetDelegateForFunctionPointer<MallOpt>(address);
            bool ok = mallopt(M_MMAP_MAX, 0) == 1 & mallopt(M_TRIM_THRESHOLD, int.MaxValue) == 1;
            AppliedAtRuntime = ok;
            return ok ? "mallopt(M_MMAP_MAX, 0) and mallopt(M_TRIM_THRESHOLD, 2 GiB) applied at run time" : "not applied: mallopt refused";
        }
        catch (Exception e)
        {
            return $"not applied: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Largest block a thread other than the main one can get from its own malloc arena (glibc's HEAP_MAX_SIZE on 64-bit systems).</summary>
    public const long WorkerArenaLimitBytes = 64L << 20;

    /// <summary>
    /// Whether the calling thread is the process's main thread (Linux: its thread id equals the process id). glibc serves
    /// other threads from secondary arenas, which cannot hold blocks above <see cref="WorkerArenaLimitBytes"/>: such blocks
    /// are mmapped whatever the settings. Notebook kernels run cells on worker threads, so there the large activations
    /// of the biggest networks are still re-mapped on every pass; the timing command runs on the main thread.
    /// </summary>
    public static bool OnMainThread
    {
        get
        {
            try
            {
                if (!OperatingSystem.IsLinux()) return true;
                var link = new FileInfo("/proc/thread-self").LinkTarget;   // "<pid>/task/<tid>"
                var parts = link?.Split('/');
                return parts is { Length: 3 } && parts[0] == parts[2];
            }
            catch (IOException)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Whether a forward pass whose largest float32 activation has <paramref name="largestActivationElements"/> values per
    /// image will page-fault on every pass at <paramref name="batchSize"/> when timed from the calling thread: true on
    /// Linux off the main thread when the tensor exceeds <see cref="WorkerArenaLimitBytes"/>. (Scratch buffers of the
    /// convolutions can cross the limit earlier, so false is not a guarantee.)
    /// </summary>
    public static bool PageFaultsLikely(long largestActivationElements, int batchSize) =>
        OperatingSystem.IsLinux() && !OnMainThread && largestActivationElements * batchSize * sizeof(float) > WorkerArenaLimitBytes;

    /// <summary>The allocator state of this process, as seen from the calling thread, in one sentence (recorded with every timing).</summary>
    public static string Describe()
    {
        string tunables = CurrentTunables is { } t ? $"GLIBC_TUNABLES={t}" : "GLIBC_TUNABLES not set";
        if (!OperatingSystem.IsLinux()) return $"{tunables} (not a glibc system: not relevant)";
        string thread = OnMainThread
            ? ""
            : "; timed on a worker thread, where glibc mmaps every block above 64 MiB whatever the settings, so the largest activations (big networks at large batches) still cost page faults on every pass";
        if (StartedWithRecommendedTunables) return $"{tunables} (large activations are not mmapped){thread}";
        if (AppliedAtRuntime) return $"{tunables}; the same settings applied at run time with mallopt{thread}";
        return $"{tunables}: glibc maps and unmaps large activations on every pass; batch-128 timings of large networks can be many times slower (start with GLIBC_TUNABLES={RecommendedTunables}, or call MallocTuning.ApplyAtRuntime){thread}";
    }
}
