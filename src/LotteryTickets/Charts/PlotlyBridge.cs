using System.Reflection;
using System.Runtime.Loader;

namespace LotteryTickets.Charts;

/// <summary>
/// Calls LotteryTickets.Plotting (the Plotly.NET renderer) inside an AssemblyLoadContext of its own.
/// Plotly.NET 6.0.0 needs FSharp.Core 10.1, while notebook hosts such as dotnet-interactive 1.0.712001
/// preload FSharp.Core 10.0 into the default context, which cannot hold two versions; a separate
/// context can. Only strings cross the boundary.
/// </summary>
internal static class PlotlyBridge
{
    private const string RendererAssembly = "LotteryTickets.Plotting";
    private const string RendererType = "LotteryTickets.Plotting.PlotlyRenderer";

    private static readonly Lazy<Renderer> Instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Chart HTML (div and a script defining the render function) for a specification in JSON.</summary>
    public static string Render(string specJson) => Instance.Value.Render(specJson);

    /// <summary>The plotly.js that Plotly.NET embeds.</summary>
    public static string PlotlyJavaScript() => Instance.Value.PlotlyJavaScript.Value;

    /// <summary>
    /// The assemblies in the renderer's own load context (Plotly.NET, FSharp.Core 10.1, …), loading the
    /// renderer if needed: these are the copies the workbook pins, whatever other versions of the same
    /// names a host holds in its default context. Empty when the renderer cannot be loaded.
    /// </summary>
    public static IReadOnlyList<Assembly> IsolatedAssemblies()
    {
        try
        {
            return Instance.Value.Context.Assemblies.ToArray();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or BadImageFormatException)
        {
            return [];
        }
    }

    private sealed record Renderer(Func<string, string> Render, Lazy<string> PlotlyJavaScript, AssemblyLoadContext Context);

    private static Renderer Load()
    {
        string? folder = Path.GetDirectoryName(typeof(PlotlyBridge).Assembly.Location);
        string path = Path.Combine(folder ?? "", RendererAssembly + ".dll");
        if (string.IsNullOrEmpty(folder) || !File.Exists(path))
            throw new InvalidOperationException(
                $"Charts need {RendererAssembly}.dll beside LotteryTickets.dll (looked for '{path}'). " +
                "Build the library with: dotnet build -c Release src/LotteryTickets");
        var context = new RendererLoadContext(folder);
        var assembly = context.LoadFromAssemblyPath(path);
        // Load its direct dependencies now, so that the context lists the versions the charts will use.
        foreach (var reference in assembly.GetReferencedAssemblies()) context.LoadFromAssemblyName(reference);
        var type = assembly.GetType(RendererType, throwOnError: true)!;
        var render = type.GetMethod("Render", BindingFlags.Public | BindingFlags.Static)!
            .CreateDelegate<Func<string, string>>();
        var script = type.GetMethod("PlotlyJavaScript", BindingFlags.Public | BindingFlags.Static)!
            .CreateDelegate<Func<string>>();
        return new Renderer(render, new Lazy<string>(script), context);
    }

    /// <summary>
    /// Resolves the renderer's own dependencies (Plotly.NET, FSharp.Core 10.1, Newtonsoft.Json, …)
    /// from the library's folder and leaves framework assemblies to the default context.
    /// </summary>
    private sealed class RendererLoadContext(string folder) : AssemblyLoadContext(RendererAssembly, isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            string candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
