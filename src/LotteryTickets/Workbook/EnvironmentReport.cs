using System.Reflection;
using System.Runtime.InteropServices;

namespace LotteryTickets.Workbook;

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
