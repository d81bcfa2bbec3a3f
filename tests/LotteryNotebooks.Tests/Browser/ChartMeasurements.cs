using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LotteryNotebooks.Tests.Browser;

/// <summary>What the measurement script found about one drawn chart.</summary>
internal sealed record ChartMeasurement(string Title, double Width, double PlotWidth, IReadOnlyList<string> Problems);

/// <summary>The charts and table problems of a page at one width.</summary>
internal sealed record PageMeasurement(double PageWidth, IReadOnlyList<ChartMeasurement> Charts, IReadOnlyList<string> Tables);

/// <summary>
/// Measures every chart of a page in headless Chromium (measure-charts.js): whether its titles are cut or
/// overlap the plot, how wide its plot area is, whether a band shares its colour with another curve, and
/// whether a table overflows its output. It measures twice: in a desktop window, then with the page narrowed
/// to <see cref="NarrowPage"/> pixels (charts follow the page, so their titles must re-wrap).
/// </summary>
internal static partial class ChartMeasurements
{
    public const int Window = 1200;
    public const int NarrowPage = 700;

    public static (PageMeasurement Wide, PageMeasurement Narrow) Measure(string htmlPath)
    {
        string script;
        using (var stream = typeof(ChartMeasurements).Assembly.GetManifestResourceStream("measure-charts.js")
                            ?? throw new InvalidOperationException("measure-charts.js is not embedded in the test assembly."))
        using (var reader = new StreamReader(stream))
            script = reader.ReadToEnd().Replace("__NARROW_WIDTH__", NarrowPage.ToString());
        string page = File.ReadAllText(htmlPath);
        int end = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (end < 0) throw new InvalidOperationException($"{htmlPath} has no </body>.");
        // Beside the original, so that anything the page loads by relative path still loads.
        string copy = Path.Combine(Path.GetDirectoryName(htmlPath)!, Path.GetFileNameWithoutExtension(htmlPath) + ".measure.html");
        File.WriteAllText(copy, page.Insert(end, "<script>\n" + script + "\n</script>\n"));
        try
        {
            string dom = HeadlessChromium.DumpDom(copy, TimeSpan.FromSeconds(90), (Window, 900));
            var match = Result().Matches(dom).LastOrDefault() ?? Match.Empty;
            if (!match.Success) throw new InvalidOperationException($"The measurement script wrote no result for {htmlPath} (did the charts draw?).");
            var pages = JsonSerializer.Deserialize<PageMeasurement[]>(WebUtility.HtmlDecode(match.Groups[1].Value),
                new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
            return (pages[0], pages[1]);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>Chart outputs in a page: each carries Plotly.NET's placeholder comment in its div.</summary>
    public static int ChartOutputs(string htmlPath) =>
        HeadlessChromium.CountOf(File.ReadAllText(htmlPath), "<!-- Plotly chart will be drawn inside this DIV -->");

    [GeneratedRegex("<pre id=\"chart-measurements\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Result();
}
