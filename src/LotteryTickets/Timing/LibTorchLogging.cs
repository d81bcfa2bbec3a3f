using System.Runtime.InteropServices;

namespace LotteryTickets.Timing;

/// <summary>
/// Silences libtorch's C++ warnings (notably "Could not initialize NNPACK! Reason: Unsupported hardware.", printed on
/// every small-batch convolution on CPUs NNPACK does not support, thousands of lines during a timing run).
/// libtorch reads <c>TORCH_CPP_LOG_LEVEL</c> only inside <c>c10::initLogging()</c>, which TorchSharp never calls; this
/// class sets the variable in the native environment (to ERROR unless the user chose a level) and calls
/// <c>c10::initLogging()</c> once in the already loaded libc10. It is harmless when anything fails: the warnings stay.
/// </summary>
public static class LibTorchLogging
{
    /// <summary>The mangled name of <c>void c10::initLogging()</c> (Itanium C++ ABI, Linux and macOS builds of libtorch).</summary>
    public const string InitLoggingSymbol = "_ZN3c1011initLoggingEv";

    private static readonly Lock Gate = new();
    private static string? _status;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void InitLogging();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Ansi)]
    private delegate int SetEnv([MarshalAs(UnmanagedType.LPStr)] string name, [MarshalAs(UnmanagedType.LPStr)] string value, int overwrite);

    /// <summary>
    /// Quiets libtorch's warnings once per process; later calls return the first call's outcome. Never throws.
    /// </summary>
    /// <returns>What happened, in words (for the timing conditions).</returns>
    public static string QuietWarnings()
    {
        lock (Gate)
        {
            return _status ??= TryQuiet();
        }
    }

    private static string TryQuiet()
    {
        try
        {
            // Loads libtorch (and libc10) if nothing has yet.
            _ = TorchSharp.torch.get_num_threads();
            string level = Environment.GetEnvironmentVariable("TORCH_CPP_LOG_LEVEL") ?? "ERROR";
            if (!SetNativeEnvironment("TORCH_CPP_LOG_LEVEL", level))
                return "not quieted: could not set TORCH_CPP_LOG_LEVEL in the native environment";
            string? library = FindLibC10();
            if (library is null || !NativeLibrary.TryLoad(library, out var handle))
                return "not quieted: libc10 not found beside TorchSharp or among the loaded libraries";
            if (!NativeLibrary.TryGetExport(handle, InitLoggingSymbol, out var address))
                return $"not quieted: {InitLoggingSymbol} not exported by {library}";
            Marshal.GetDelegateForFunctionPointer<InitLogging>(address)();
            return $"c10::initLogging() called with TORCH_CPP_LOG_LEVEL={level}";
        }
        catch (Exception e)
        {
            return $"not quieted: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>
    /// Sets an environment variable where native code sees it. On Unix, <see cref="Environment.SetEnvironmentVariable(string, string)"/>
    /// changes only .NET's own copy, so libc's <c>setenv</c> is called too.
    /// </summary>
    internal static bool SetNativeEnvironment(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows()) return true;
        foreach (string libc in new[] { "libc.so.6", "libc", "libSystem.dylib" })
        {
            if (!NativeLibrary.TryLoad(libc, out var handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "setenv", out var address)) continue;
            return Marshal.GetDelegateForFunctionPointer<SetEnv>(address)(name, value, 1) == 0;
        }
        return false;
    }

    /// <summary>The libc10 the process has loaded (from /proc/self/maps on Linux), else the one beside TorchSharp.dll.</summary>
    private static string? FindLibC10()
    {
        string file = OperatingSystem.IsWindows() ? "c10.dll" : OperatingSystem.IsMacOS() ? "libc10.dylib" : "libc10.so";
        if (OperatingSystem.IsLinux() && File.Exists("/proc/self/maps"))
        {
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && line.EndsWith("/" + file, StringComparison.Ordinal)) return line[slash..];
            }
        }
        string beside = Path.Combine(Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location) ?? "", file);
        return File.Exists(beside) ? beside : null;
    }
}
