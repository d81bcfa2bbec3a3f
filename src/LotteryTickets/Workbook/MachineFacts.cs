using System.Reflection;
using System.Runtime.InteropServices;

namespace LotteryTickets.Workbook;

/// <summary>The machine a measurement was taken on, to record beside every figure.</summary>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="Architecture">Process architecture.</param>
/// <param name="Cores">Logical processors visible to the process.</param>
/// <param name="DotNet">The .NET runtime.</param>
/// <param name="TorchThreads">Threads libtorch uses for intra-op parallelism.</param>
public sealed record MachineFacts(string OperatingSystem, string Architecture, int Cores, string DotNet, int TorchThreads)
{
    /// <summary>Facts of the current process.</summary>
    public static MachineFacts Current() => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        TorchSharp.torch.get_num_threads());

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or "n/a" (another system, or unreadable): recorded
    /// beside every timing, because on a shared machine it says how much a figure can be trusted.</summary>
    public static string LoadAverage()
    {
        try
        {
            if (!File.Exists("/proc/loadavg")) return "n/a";
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 3 ? string.Join(" ", parts.Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
