using System.Globalization;
using LotteryTickets.Workbook;

namespace LotteryTickets.Timing;

/// <summary>
/// Everything a timing depends on besides the models: machine, processor, package versions, torch threads, the
/// allocator settings, whether libtorch's warnings were silenced, and the machine's load before and after (on a shared
/// machine the load explains much of the noise). Recorded with every figure.
/// </summary>
/// <param name="MeasuredAtUtc">When the measurement started.</param>
/// <param name="Machine">Operating system, architecture, logical cores, .NET runtime, torch threads.</param>
/// <param name="Processor">CPU model name (from /proc/cpuinfo on Linux).</param>
/// <param name="Packages">Pinned packages and the versions loaded.</param>
/// <param name="TorchThreads">Torch intra-op threads during the measurement.</param>
/// <param name="GlibcTunables">GLIBC_TUNABLES as the process started, or "(not set)".</param>
/// <param name="Malloc">The allocator state in one sentence (<see cref="MallocTuning.Describe"/>).</param>
/// <param name="LibTorchLogging">Outcome of <see cref="Timing.LibTorchLogging.QuietWarnings"/>.</param>
/// <param name="LoadAverageBefore">1-, 5- and 15-minute load averages before timing (Linux), or "n/a".</param>
/// <param name="LoadAverageAfter">The same after timing.</param>
/// <param name="Note">Free text: the command line or notebook that produced the figures.</param>
public sealed record TimingConditions(DateTime MeasuredAtUtc, MachineFacts Machine, string Processor, IReadOnlyList<PackageCheck> Packages,
    int TorchThreads, string GlibcTunables, string Malloc, string LibTorchLogging, string LoadAverageBefore, string LoadAverageAfter, string Note)
{
    /// <summary>The conditions of this process now (call it after setting the thread count).</summary>
    /// <param name="note">Free text recorded with the figures.</param>
    /// <param name="environment">The workbook environment for the package list (default: loaded from the current folder; no packages listed if none is found).</param>
    public static TimingConditions Capture(string note = "", WorkbookEnvironment? environment = null)
    {
        IReadOnlyList<PackageCheck> packages = [];
        try
        {
            packages = EnvironmentReport.Packages(environment ?? WorkbookEnvironment.Load());
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            // Outside the repository: the package list stays empty rather than failing a measurement.
        }
        var machine = MachineFacts.Current();
        return new TimingConditions(DateTime.UtcNow, machine, ProcessorName(), packages, machine.TorchThreads,
            MallocTuning.CurrentTunables ?? "(not set)", MallocTuning.Describe(), Timing.LibTorchLogging.QuietWarnings(),
            LoadAverage(), LoadAverage(), note);
    }

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or "n/a" (<see cref="MachineFacts.LoadAverage"/>).</summary>
    public static string LoadAverage() => MachineFacts.LoadAverage();

    private static string ProcessorName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                        return line[(colon + 1)..].Trim();
        }
        catch (IOException)
        {
        }
        return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        string torchSharp = Packages.FirstOrDefault(p => p.Package == "TorchSharp-cpu")?.Loaded ?? "?";
        string text = FormattableString.Invariant(
            $"{MeasuredAtUtc:yyyy-MM-dd HH:mm} UTC on {Processor}, {Machine.Cores} logical cores, {Machine.OperatingSystem}, {Machine.DotNet}; {TorchThreads} torch thread(s); TorchSharp {torchSharp}; {Malloc}; load average {LoadAverageBefore} before, {LoadAverageAfter} after");
        return Note.Length > 0 ? $"{text}; {Note}" : text;
    }
}
