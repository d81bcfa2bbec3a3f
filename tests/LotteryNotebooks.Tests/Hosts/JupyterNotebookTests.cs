using System.Text.Json;
using LotteryNotebooks.Tests.Browser;
using Xunit.Abstractions;

namespace LotteryNotebooks.Tests.Hosts;

/// <summary>Prepares the Jupyter host once for all host tests; a setup failure fails every test with its reason.</summary>
public sealed class JupyterHostFixture
{
    private readonly Lazy<JupyterHost> _host = new(JupyterHost.Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    internal JupyterHost Host => _host.Value;
}

/// <summary>
/// Every notebook runs top to bottom in stock Jupyter (nbconvert on dotnet-interactive's .net-csharp
/// kernel, the host VS Code's Polyglot Notebooks also runs), and the charts in its outputs draw in a
/// browser with no network, with and without an AMD loader on the page. Every notebook runs on every test
/// run (about 3.5 minutes on 2 cores); set LOTTERY_QUICK_HOST_NOTEBOOKS=1 to run only 00 and 01 while iterating:
/// <code>LOTTERY_QUICK_HOST_NOTEBOOKS=1 dotnet test tests/LotteryNotebooks.Tests -c Release --filter "FullyQualifiedName~Hosts"</code>
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class JupyterNotebookTests(JupyterHostFixture fixture, ITestOutputHelper log)
{
    /// <summary>Environment variable that limits the Jupyter run to notebooks 00 and 01 (for quick local iterations).</summary>
    public const string QuickVariable = "LOTTERY_QUICK_HOST_NOTEBOOKS";

    private static readonly TimeSpan BrowserBudget = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A stand-in for require.js (as in Jupyter's classic notebook): an anonymous AMD <c>define</c> that
    /// swallows modules, so plotly.js would register as a module and never set <c>window.Plotly</c> if
    /// the chart output did not hide the loader while plotly.js runs.
    /// </summary>
    private const string AmdLoader =
        "<script>window.define = function () { }; window.define.amd = { jQuery: true }; window.require = function () { };</script>";

    public static TheoryData<string> Notebooks()
    {
        bool all = Environment.GetEnvironmentVariable(QuickVariable) is not ("1" or "true");
        var data = new TheoryData<string>();
        // The workbook's numbered notebooks (notebooks/NN-*.ipynb), in order.
        var numbered = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb")
            .Where(f => Path.GetFileName(f) is [>= '0' and <= '9', >= '0' and <= '9', '-', ..])
            .Order(StringComparer.Ordinal);
        foreach (var path in numbered)
        {
            string name = Path.GetFileName(path);
            if (all || name.StartsWith("00-", StringComparison.Ordinal) || name.StartsWith("01-", StringComparison.Ordinal))
                data.Add(name);
        }
        if (data.Count == 0) data.Add("00-*.ipynb (missing)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Runs_top_to_bottom_in_Jupyter_with_charts_that_draw_offline(string notebook)
    {
        var host = fixture.Host;
        foreach (var line in host.Log) log.WriteLine(line);
        string path = Path.Combine(Repository.NotebooksFolder, notebook);
        Assert.True(File.Exists(path), $"No notebook {path}: the workbook must have notebooks 00 and 01.");

        var executed = host.Execute(path);
        Assert.True(executed.ErrorCells.Count == 0,
            $"{notebook} reported errors in Jupyter: {string.Join("; ", executed.ErrorCells)}");
        log.WriteLine($"{notebook}: {executed.CodeCells} code cells executed in {executed.Elapsed.TotalSeconds:F1} s " +
                      $"(slowest: cell {executed.SlowestCell.Cell}, {executed.SlowestCell.Seconds:F1} s); " +
                      $"executed notebook {executed.Bytes / 1e6:F2} MB; {executed.ChartIds.Count} charts, {executed.PlotlyCopies} copies of plotly.js");
        // Not failures, but what a reader sees in red: compiler warnings the runner does not show (for
        // example CS1701 for TorchSharp's net8.0 references) and whatever libraries print on stderr.
        foreach (var line in executed.StandardErrors) log.WriteLine("stderr in Jupyter, " + line);

        var (html, convert) = host.ToHtml(executed);
        var timings = new Dictionary<string, object>
        {
            ["notebook"] = notebook,
            ["codeCells"] = executed.CodeCells,
            ["executeSeconds"] = Math.Round(executed.Elapsed.TotalSeconds, 1),
            ["slowestCell"] = executed.SlowestCell.Cell,
            ["slowestCellSeconds"] = Math.Round(executed.SlowestCell.Seconds, 1),
            ["executedBytes"] = executed.Bytes,
            ["htmlBytes"] = new FileInfo(html).Length,
            ["htmlSeconds"] = Math.Round(convert.TotalSeconds, 1),
            ["charts"] = executed.ChartIds.Count,
            ["plotlyCopies"] = executed.PlotlyCopies,
        };
        if (executed.ChartIds.Count > 0)
        {
            Assert.True(executed.PlotlyCopies == 1,
                $"{notebook}: the executed notebook should carry plotly.js exactly once (in the first chart's output); it carries it {executed.PlotlyCopies} times.");
            Assert.True(executed.FirstPlotlyOutput <= executed.FirstChartOutput,
                $"{notebook}: plotly.js comes after the first chart (output {executed.FirstPlotlyOutput} vs {executed.FirstChartOutput}).");

            string amdPage = Path.ChangeExtension(html, ".amd.html");
            string page = File.ReadAllText(html);
            int head = page.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
            Assert.True(head >= 0, $"nbconvert's page {html} has no <head>.");
            File.WriteAllText(amdPage, page.Insert(head + "<head>".Length, "\n" + AmdLoader + "\n"));

            foreach (var (label, file) in new[] { ("nbconvert's HTML page", html), ("the same page with an AMD loader (as in classic Jupyter)", amdPage) })
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                string dom = HeadlessChromium.DumpDom(file, BrowserBudget);
                timings[file == html ? "browserSeconds" : "browserAmdSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
                var undrawn = RenderedCharts.Undrawn(dom, executed.ChartIds);
                Assert.True(undrawn.Count == 0,
                    $"{notebook}: in {label} ({file}), opened in headless Chromium with no network, {undrawn.Count} of {executed.ChartIds.Count} charts did not draw: {string.Join(", ", undrawn)}");
            }
        }
        File.WriteAllText(Path.Combine(host.OutputFolder, Path.GetFileNameWithoutExtension(notebook) + ".timings.json"),
            JsonSerializer.Serialize(timings, new JsonSerializerOptions { WriteIndented = true }));
        log.WriteLine(JsonSerializer.Serialize(timings));
    }
}

/// <summary>
/// Host runs start notebook kernels in their own processes; they run one at a time and share one
/// prepared host (tool restored, kernel registered, library built).
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostsCollection : ICollectionFixture<JupyterHostFixture>
{
    public const string Name = "Notebook hosts";
}
