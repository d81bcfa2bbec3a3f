using System.Globalization;
using System.Text.Json;
using DynamicObj;
using LotteryTickets.Charts;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using PChart = Plotly.NET.CSharp.Chart;

namespace LotteryTickets.Plotting;

/// <summary>
/// Turns a chart specification (JSON of the workbook's figure description, with every layout decision
/// already taken) into Plotly.NET chart HTML. Called by reflection from LotteryTickets' PlotlyBridge
/// inside a separate load context, so its public surface uses strings only.
/// </summary>
public static class PlotlyRenderer
{
    private const string PlotlyResource = "Plotly.NET.plotly-2.28.0.min.js";

    /// <summary>Largest width of a single chart when the figure sets none: wide enough to read, narrow enough to keep its shape.</summary>
    private const int DefaultMaxWidth = 960;

    private const int DefaultHeight = 460;

    /// <summary>Height added for each row of a legend placed below the plot.</summary>
    private const int LegendRowHeight = 22;

    /// <summary>Space above a one-line title (the chart's script adjusts it and the top margin when the title wraps).</summary>
    private const int TitlePad = 14;

    /// <summary>
    /// Renders a chart as an HTML fragment: a div as wide as its container (up to the figure's largest
    /// width) and a script that defines <c>renderPlotly_…</c> and calls it on its own line. It references
    /// no plotly.js of its own.
    /// </summary>
    public static string Render(string specJson)
    {
        var spec = JsonSerializer.Deserialize<FigureSpec>(specJson, FigureSpec.Json)
                   ?? throw new ArgumentException("The chart specification is empty.", nameof(specJson));
        bool grid = spec.Panels is { Count: > 0 };
        GenericChart chart = grid ? BuildGrid(spec) : BuildSingle(spec);
        int rows = grid ? (spec.Panels!.Count + Math.Max(1, spec.GridColumns) - 1) / Math.Max(1, spec.GridColumns) : 1;
        int maxWidth = spec.Width ?? (grid ? Math.Min(1100, 420 * Math.Max(1, spec.GridColumns) + 100) : DefaultMaxWidth);
        int height = (spec.Height ?? (grid ? 300 * rows + 100 : DefaultHeight))
                     + (spec.Legend == LegendPlacement.Below ? LegendRowHeight * spec.LegendRows : 0);

        var layout = new Layout();
        layout.SetProperty("autosize", true);
        layout.SetProperty("height", height);
        layout.SetProperty("title", Object(
            ("text", spec.Title), ("x", 0.02), ("xref", "container"), ("xanchor", "left"),
            ("yref", "container"), ("y", 1), ("yanchor", "top"), ("pad", Object(("t", TitlePad)))));
        // Room for a one-line title; the chart's script widens it when the title wraps to the page.
        layout.SetProperty("margin", Object(("l", 60), ("r", 24), ("t", grid ? 80 : 60), ("b", 50)));
        layout.SetProperty("showlegend", spec.Legend != LegendPlacement.None);
        if (spec.Legend == LegendPlacement.Below)
            layout.SetProperty("legend", Object(("orientation", "h"), ("x", 0), ("xanchor", "left"),
                ("yref", "container"), ("y", 0), ("yanchor", "bottom")));
        if (!grid && spec.Traces.Any(t => t.SpansPlot))
        {
            // Reference lines are drawn on a hidden x axis from 0 to 1 laid over the plot, so they cross
            // it whatever the real x axis holds (numbers, a log scale or categories).
            var overlay = new LinearAxis();
            foreach (var (key, value) in new (string, object)[] { ("overlaying", "x"), ("range", new[] { 0.0, 1.0 }), ("visible", false), ("fixedrange", true) })
                overlay.SetProperty(key, value);
            layout.SetProperty("xaxis2", overlay);
        }
        chart = Plotly.NET.Chart.withLayout(layout).Invoke(chart);

        var config = new Config();
        config.SetProperty("responsive", true);
        config.SetProperty("displaylogo", false);
        chart = Plotly.NET.Chart.withConfig(config).Invoke(chart);
        // No fixed width (Plotly.NET's default is 600 px): plotly.js sizes the chart to its div.
        GenericChart.getLayout(chart).RemoveProperty("width");
        chart = Plotly.NET.Chart.withDisplayOptions(
            DisplayOptions.init(null, null, null, null, null, null, PlotlyJSReference.NoReference)).Invoke(chart);
        string html = GenericChart.toChartHTML(chart);
        // The chart follows its container's width (plotly.js autosize and the responsive option), up to its largest width.
        int div = html.IndexOf("<div id=\"", StringComparison.Ordinal);
        int close = div < 0 ? -1 : html.IndexOf('>', div);
        if (close < 0) throw new InvalidOperationException("Unexpected chart HTML from Plotly.NET: no chart div found.");
        return html.Insert(close, $" style=\"width:100%;max-width:{maxWidth}px\"");
    }

    /// <summary>The plotly.js bundled inside Plotly.NET (version 2.28.0), so that charts draw with no network.</summary>
    public static string PlotlyJavaScript()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(PlotlyResource)
                           ?? throw new InvalidOperationException($"Plotly.NET no longer embeds {PlotlyResource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The plotly.js version that <see cref="PlotlyJavaScript"/> returns.</summary>
    public static string PlotlyJavaScriptVersion() => PlotlyResource.Split('-')[1].Replace(".min.js", "");

    private static GenericChart BuildGrid(FigureSpec spec)
    {
        var panels = spec.Panels!.Select(BuildSingle).ToArray();
        int columns = Math.Max(1, spec.GridColumns);
        int rows = (panels.Length + columns - 1) / columns;
        return PChart.Grid(panels, rows, columns, SubPlotTitles: spec.Panels!.Select(p => p.Title).ToArray(), YGap: 0.3, XGap: 0.25);
    }

    private static GenericChart BuildSingle(FigureSpec spec)
    {
        var traces = spec.Traces.SelectMany(BuildTrace).Select(t => GenericChart.ofTraceObject(true, t)).ToArray();
        var chart = traces.Length == 1 ? traces[0] : PChart.Combine(traces);
        var layout = new Layout();
        layout.SetProperty("xaxis", Axis(spec.XTitle, spec.LogX, spec.XTicks));
        layout.SetProperty("yaxis", Axis(spec.YTitle, spec.LogY, spec.YTicks));
        return Plotly.NET.Chart.withLayout(layout).Invoke(chart);
    }

    private static LinearAxis Axis(string title, bool log, AxisTicks? ticks)
    {
        var axis = new LinearAxis();
        axis.SetProperty("title", Object(("text", title)));
        axis.SetProperty("automargin", true);
        // Powers of ten for very large or small numbers, never SI prefixes ("100µ" for 0.0001).
        axis.SetProperty("exponentformat", "power");
        if (log) axis.SetProperty("type", "log");
        if (ticks?.Values is { } values)
        {
            axis.SetProperty("tickmode", "array");
            axis.SetProperty("tickvals", values);
            axis.SetProperty("ticktext", ticks.Texts ?? values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
        }
        else if (ticks?.Step is { } step)
        {
            axis.SetProperty("tickmode", "linear");
            axis.SetProperty("dtick", step);
            axis.SetProperty("tick0", ticks.Start ?? 0);
        }
        return axis;
    }

    private static IEnumerable<Trace> BuildTrace(TraceSpec t)
    {
        string color = t.Color ?? "#1f77b4";
        switch (t.Kind)
        {
            case TraceKind.Line:
                yield return Scatter(t, t.Markers ? "lines+markers" : "lines",
                    ("line", Object(("color", color), ("dash", t.LineStyle ?? "solid"), ("width", 2))),
                    ("marker", Object(("color", color), ("symbol", t.Symbol ?? "circle-open"), ("size", 8), ("line", Object(("color", color), ("width", 1.5))))));
                break;
            case TraceKind.Points:
                // Few points are marked boldly; clouds of many (all subset sums) stay fine-grained.
                yield return Scatter(t, "markers", ("marker", Object(("color", color), ("symbol", t.Symbol ?? "circle"), ("size", t.X!.Length <= 64 ? 9 : 5))));
                break;
            case TraceKind.Band:
                // Two invisible edges; the upper one fills down to the lower one in the band's curve colour.
                var edge = Object(("color", "rgba(0,0,0,0)"), ("width", 0));
                yield return Scatter(t with { Y = t.Lower, ShowLegend = false }, "lines", ("line", edge), ("hoverinfo", "skip"));
                yield return Scatter(t with { Y = t.Upper }, "lines", ("line", edge), ("fill", "tonexty"), ("fillcolor", Translucent(color, 0.2)), ("hoverinfo", "skip"));
                break;
            case TraceKind.Bars:
                yield return Dynamic("bar", ("name", t.Name), ("x", t.Categories!), ("y", t.Y!), ("marker", Object(("color", color))),
                    ("legendgroup", t.Group ?? t.Name), ("showlegend", t.ShowLegend));
                break;
            case TraceKind.Heatmap:
                var heatmap = new List<(string, object)> { ("name", t.Name), ("z", t.Z!), ("x", t.X!), ("y", t.Y!), ("showscale", t.ShowScale) };
                if (t.ColorTitle is not null) heatmap.Add(("colorbar", Object(("title", Object(("text", t.ColorTitle))))));
                if (t.ColorScale is not null) heatmap.Add(("colorscale", t.ColorScale));
                if (t.ZMin is { } zmin) heatmap.Add(("zmin", zmin));
                if (t.ZMax is { } zmax) heatmap.Add(("zmax", zmax));
                if (t.ZMid is { } zmid) heatmap.Add(("zmid", zmid));
                yield return Dynamic("heatmap", [.. heatmap]);
                break;
            case TraceKind.HorizontalLine:
                object[] x = t.Categories is { } cats ? cats : t.X!.Cast<object>().ToArray();
                var line = new List<(string, object)> { ("line", Object(("color", color), ("dash", t.LineStyle ?? "dot"), ("width", 2))) };
                if (t.SpansPlot) line.Add(("xaxis", "x2"));
                yield return Scatter(t with { X = null }, "lines", [.. line, ("x", x)]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(t), t.Kind, "Unknown trace kind.");
        }
    }

    private static Trace Scatter(TraceSpec t, string mode, params (string Key, object Value)[] extra)
    {
        var properties = new List<(string, object)> { ("name", t.Name), ("mode", mode), ("legendgroup", t.Group ?? t.Name), ("showlegend", t.ShowLegend) };
        if (t.X is not null) properties.Add(("x", t.X));
        if (t.Y is not null) properties.Add(("y", t.Y));
        if (t.Text is not null) properties.Add(("text", t.Text));
        return Dynamic("scatter", [.. properties, .. extra]);
    }

    private static Trace Dynamic(string type, params (string Key, object Value)[] properties)
    {
        var trace = new Trace2D(type);
        foreach (var (key, value) in properties) trace.SetProperty(key, value);
        return trace;
    }

    private static Dictionary<string, object> Object(params (string Key, object Value)[] properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value);

    private static string Translucent(string hex, double alpha)
    {
        int r = Convert.ToInt32(hex.Substring(1, 2), 16), g = Convert.ToInt32(hex.Substring(3, 2), 16), b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{alpha})");
    }
}
