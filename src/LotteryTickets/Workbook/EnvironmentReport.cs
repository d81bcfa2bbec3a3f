using System.Reflection;
using System.Runtime.InteropServices;

namespace LotteryTickets.Workbook;

/// <summary>One pinned package and the version this process actually loaded.</summary>
/// <param name="Package">NuGet package id as pinned in environment.json.</param>
/// <param name="Pinned">The version environment.json pins.</param>
/// <param name="Loaded">The loaded assembly's informational version, or "not loaded".</param>
/// <param name="Agrees">True when the loaded version starts with the pinned one (or the package is not loaded here).</param>
public sealed record PackageCheck(string Package, string Pinned, string Loaded, bool Agrees);

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
}

/// <summary>
/// Compares what environment.json pins with what the notebook kernel actually loaded, so a reader sees at
/// once whether their setup matches the one the workbook was written for.
/// </summary>
public static class EnvironmentReport
{
    // Package id to the assembly it ships (where they differ).
    private static readonly Dictionary<string, string> AssemblyOf = new()
    {
        ["TorchSharp-cpu"] = "TorchSharp",
    };

    /// <summary>One row per pinned package.</summary>
    public static IReadOnlyList<PackageCheck> Packages(WorkbookEnvironment environment)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .GroupBy(a => a.GetName().Name ?? "")
            .ToDictionary(g => g.Key, g => g.First());
        // Charts run Plotly.NET and its FSharp.Core in a load context of their own; a host such as
        // dotnet-interactive holds an older FSharp.Core of its own in the default context. Report the
        // workbook's copies, which are the ones the pins are about.
        foreach (var isolated in Charts.PlotlyBridge.IsolatedAssemblies())
            loaded[isolated.GetName().Name ?? ""] = isolated;
        return environment.Packages.Select(p =>
        {
            string assemblyName = AssemblyOf.GetValueOrDefault(p.Key, p.Key);
            if (!loaded.TryGetValue(assemblyName, out var assembly))
                return new PackageCheck(p.Key, p.Value, "not loaded here", true);
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                             ?? assembly.GetName().Version?.ToString() ?? "unknown";
            return new PackageCheck(p.Key, p.Value, version, version.StartsWith(p.Value, StringComparison.Ordinal));
        }).ToArray();
    }
}
