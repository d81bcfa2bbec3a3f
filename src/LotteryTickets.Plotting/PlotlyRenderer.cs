using System.Reflection;
using System.Text.Json;
using LotteryTickets.Charts;
using Plotly.NET;
using Plotly.NET.CSharp;
using PChart = Plotly.NET.CSharp.Chart;

namespace LotteryTickets.Plotting;

/// <summary>
/// Turns a chart specification (JSON of the workbook's figure description) into Plotly.NET chart
/// HTML. Called by reflection from LotteryTickets' PlotlyBridge inside a separate load context, so
/// its public surface uses strings only.
/// </summary>
public static class PlotlyRenderer
{
    private const string PlotlyResource = "Plotly.NET.plotly-2.28.0.min.js";

    /// <summary>
    /// Renders a chart as an HTML fragment (a div and a script) that draws itself with
    /// <c>window.Plotly</c>; it references no plotly.js of its own. The script defines
    /// <c>renderPlotly_…</c> and returns without calling it: the caller decides when to draw.
    /// </summary>
    /// <returns>The HTML fragment followed by a line "//render:" and the render function's name.</returns>
    public static string Render(string specJson)
    {
        var spec = JsonSerializer.Deserialize<FigureSpec>(specJson, FigureSpec.Json)
                   ?? throw new ArgumentException("The chart specification is empty.", nameof(specJson));
        GenericChart chart = spec.Panels is { Count: > 0 } ? BuildGrid(spec) : BuildSingle(spec, withTitle: true);
        chart = Plotly.NET.Chart.withDisplayOptions(
            DisplayOptions.init(null, null, null, null, null, null, PlotlyJSReference.NoReference)).Invoke(chart);
        return GenericChart.toChartHTML(chart);
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
        var panels = spec.Panels!.Select(p => BuildSingle(p, withTitle: false)).ToArray();
        int columns = Math.Max(1, spec.GridColumns);
        int rows = (panels.Length + columns - 1) / columns;
        var grid = PChart.Grid(panels, rows, columns,
            SubPlotTitles: spec.Panels!.Select(p => p.Title).ToArray(), YGap: 0.25);
        grid = Plotly.NET.Chart.withTitle(spec.Title, null).Invoke(grid);
        return grid.WithSize(Width: spec.Width ?? Math.Min(1100, 320 * columns + 100), Height: spec.Height ?? 300 * rows + 80);
    }

    private static GenericChart BuildSingle(FigureSpec spec, bool withTitle)
    {
        var traces = spec.Traces.SelectMany(BuildTrace).ToArray();
        var chart = traces.Length == 1 ? traces[0] : PChart.Combine(traces);
        chart = chart
            .WithXAxisStyle<double, double, string>(TitleText: spec.XTitle,
                AxisType: spec.LogX ? StyleParam.AxisType.Log : StyleParam.AxisType.Auto)
            .WithYAxisStyle<double, double, string>(TitleText: spec.YTitle,
                AxisType: spec.LogY ? StyleParam.AxisType.Log : StyleParam.AxisType.Auto);
        if (withTitle)
        {
            chart = Plotly.NET.Chart.withTitle(spec.Title, null).Invoke(chart);
            chart = chart.WithSize(Width: spec.Width ?? 760, Height: spec.Height ?? 460);
        }
        return chart;
    }

    private static ColorBar ColorBarTitled(string title)
    {
        var bar = new ColorBar();
        bar.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        return bar;
    }

    private static IEnumerable<GenericChart> BuildTrace(TraceSpec t)
    {
        switch (t.Kind)
        {
            case TraceKind.Line:
                yield return PChart.Line<double, double, string>(t.X!, t.Y!, Name: t.Name, ShowMarkers: t.Markers,
                    LineDash: t.Dash ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid,
                    MultiText: t.Text ?? new Optional<IEnumerable<string>>());
                break;
            case TraceKind.Points:
                yield return PChart.Point<double, double, string>(t.X!, t.Y!, Name: t.Name,
                    MultiText: t.Text ?? new Optional<IEnumerable<string>>());
                break;
            case TraceKind.Band:
                // Two invisible edges; the upper one fills down to the lower one.
                yield return PChart.Line<double, double, string>(t.X!, t.Lower!, Name: t.Name + " (lower)", ShowLegend: false,
                    LineWidth: 0.0, LineColor: Color.fromString("rgba(99,110,250,0.0)"));
                yield return PChart.Line<double, double, string>(t.X!, t.Upper!, Name: t.Name, ShowLegend: true,
                    LineWidth: 0.0, LineColor: Color.fromString("rgba(99,110,250,0.0)"),
                    Fill: StyleParam.Fill.ToNext_y, FillColor: Color.fromString("rgba(99,110,250,0.18)"));
                break;
            case TraceKind.Bars:
                yield return PChart.Column<double, string, string>(t.Y!, Keys: t.Categories!, Name: t.Name);
                break;
            case TraceKind.Heatmap:
                yield return PChart.Heatmap<double, double, double, string>(t.Z!, X: t.X!, Y: t.Y!, Name: t.Name,
                    ColorBar: t.ColorTitle is null ? new Optional<ColorBar>() : ColorBarTitled(t.ColorTitle));
                break;
            case TraceKind.HorizontalLine:
                yield return PChart.Line<double, double, string>(t.X!, t.Y!, Name: t.Name,
                    LineDash: StyleParam.DrawingStyle.Dot, LineColor: Color.fromString("rgba(80,80,80,0.9)"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(t), t.Kind, "Unknown trace kind.");
        }
    }
}
