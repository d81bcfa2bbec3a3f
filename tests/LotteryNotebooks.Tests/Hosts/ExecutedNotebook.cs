using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LotteryNotebooks.Tests.Hosts;

/// <summary>A notebook as a host executed and saved it, with what the chart checks need.</summary>
internal sealed partial record ExecutedNotebook(string Path, TimeSpan Elapsed, long Bytes, int CodeCells,
                                                IReadOnlyList<string> ChartIds, int PlotlyCopies, int FirstPlotlyOutput, int FirstChartOutput,
                                                IReadOnlyList<string> ErrorCells, IReadOnlyList<string> StandardErrors, (int Cell, double Seconds) SlowestCell)
{
    /// <summary>The header line plotly.js starts with (the copy Plotly.NET embeds).</summary>
    private const string PlotlyHeader = "* plotly.js v";

    public static ExecutedNotebook Read(string path, TimeSpan elapsed)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var cells = notebook["cells"]!.AsArray().OfType<JsonObject>().ToArray();
        var chartIds = new List<string>();
        var errors = new List<string>();
        var stderr = new List<string>();
        int copies = 0, outputIndex = 0, firstPlotly = -1, firstChart = -1;
        (int Cell, double Seconds) slowest = (-1, 0);
        for (int c = 0; c < cells.Length; c++)
        {
            if (cells[c]["cell_type"]?.GetValue<string>() != "code") continue;
            var timing = cells[c]["metadata"]?["execution"];
            if (timing?["iopub.execute_input"] is { } began && timing["shell.execute_reply"] is { } ended
                && DateTimeOffset.TryParse(began.GetValue<string>(), out var b) && DateTimeOffset.TryParse(ended.GetValue<string>(), out var e)
                && (e - b).TotalSeconds > slowest.Seconds)
                slowest = (c + 1, (e - b).TotalSeconds);
            foreach (var output in cells[c]["outputs"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                outputIndex++;
                if (output["output_type"]?.GetValue<string>() == "error")
                    errors.Add($"cell {c + 1}: {output["ename"]}: {output["evalue"]}");
                if (output["output_type"]?.GetValue<string>() == "stream" && output["name"]?.GetValue<string>() == "stderr")
                    stderr.Add($"cell {c + 1}: {JupyterHost.JoinText(output["text"]).Trim()}");
                string html = JupyterHost.JoinText(output["data"]?["text/html"]);
                if (html.Length == 0) continue;
                if (html.Contains(PlotlyHeader, StringComparison.Ordinal))
                {
                    copies++;
                    if (firstPlotly < 0) firstPlotly = outputIndex;
                }
                var ids = NewPlot().Matches(html).Select(m => m.Groups["id"].Value).ToArray();
                if (ids.Length > 0 && firstChart < 0) firstChart = outputIndex;
                chartIds.AddRange(ids);
            }
        }
        return new ExecutedNotebook(path, elapsed, new FileInfo(path).Length,
            cells.Count(c => c["cell_type"]?.GetValue<string>() == "code"),
            chartIds, copies, firstPlotly, firstChart, errors, stderr, slowest);
    }

    /// <summary>Plotly.NET's chart HTML draws into its div with <c>Plotly.newPlot('id', …)</c>.</summary>
    [GeneratedRegex(@"Plotly\.newPlot\(\s*'(?<id>[^']+)'")]
    private static partial Regex NewPlot();
}

/// <summary>Checks a browser's DOM for drawn charts.</summary>
internal static partial class RenderedCharts
{
    /// <summary>
    /// The charts among <paramref name="chartIds"/> that the DOM does not show as drawn: plotly.js turns a
    /// drawn chart's div into <c>js-plotly-plot</c> and puts its <c>svg.main-svg</c> inside it.
    /// </summary>
    public static IReadOnlyList<string> Undrawn(string dom, IReadOnlyList<string> chartIds)
    {
        var undrawn = new List<string>();
        foreach (var id in chartIds)
        {
            var div = Regex.Match(dom, "<div id=\"" + Regex.Escape(id) + "\"(?<attributes>[^>]*)>");
            if (!div.Success) { undrawn.Add(id + " (its div is missing)"); continue; }
            if (!div.Groups["attributes"].Value.Contains("js-plotly-plot")) { undrawn.Add(id + " (plotly.js did not draw it)"); continue; }
            // The chart's content runs until the next chart's div (charts are not nested).
            int start = div.Index + div.Length;
            int end = chartIds.Where(other => other != id)
                .Select(other => dom.IndexOf("<div id=\"" + other + "\"", start, StringComparison.Ordinal))
                .Where(i => i >= 0).DefaultIfEmpty(dom.Length).Min();
            if (!MainSvg().IsMatch(dom.AsSpan(start, end - start))) undrawn.Add(id + " (no svg.main-svg inside)");
        }
        return undrawn;
    }

    [GeneratedRegex("<svg[^>]*class=\"main-svg\"")]
    private static partial Regex MainSvg();
}
