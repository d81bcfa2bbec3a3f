using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;

namespace LotteryTickets.Charts;

/// <summary>
/// Decides when a chart's output carries plotly.js. The first chart shown by a notebook kernel
/// carries the whole library (about 3.6 MB, from the copy inside Plotly.NET, so charts draw with no
/// network); later charts of the same kernel reuse the <c>window.Plotly</c> it defines. Outside a
/// notebook kernel (tests, console programs) the same holds per process.
/// </summary>
public static class PlotlyScript
{
    private static readonly ConditionalWeakTable<object, object> Embedded = new();
    private static readonly object ProcessKey = new();

    /// <summary>
    /// Makes the next chart carry plotly.js again, for example after clearing the output of the cell
    /// that carried it without restarting the kernel.
    /// </summary>
    public static void EmbedAgain() => Embedded.Remove(CurrentKey());

    /// <summary>True the first time it is asked within the current kernel (or process).</summary>
    internal static bool TakeFirstUse()
    {
        object key = CurrentKey();
        lock (Embedded)
        {
            if (Embedded.TryGetValue(key, out _)) return false;
            Embedded.Add(key, key);
            return true;
        }
    }

    private static object CurrentKey()
    {
        try
        {
            return KernelKey() ?? ProcessKey;
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or MissingMemberException)
        {
            // No .NET Interactive in this process, or a host of another build without this member
            // (VS Code's Polyglot Notebooks brings its own dotnet-interactive): embed once per process.
            return ProcessKey;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? KernelKey() => KernelInvocationContext.Current?.HandlingKernel?.RootKernel;

    /// <summary>
    /// plotly.js wrapped so that it always defines <c>window.Plotly</c>: where an AMD loader is present
    /// (Jupyter's classic notebook has require.js) plotly.js would otherwise register as a module only.
    /// </summary>
    internal static string ScriptTags() =>
        "<script type=\"text/javascript\">window.__lotteryDefine = window.define; window.define = undefined;</script>\n" +
        "<script type=\"text/javascript\">" + PlotlyBridge.PlotlyJavaScript() + "</script>\n" +
        "<script type=\"text/javascript\">window.define = window.__lotteryDefine;</script>\n";
}
