using System.Text.Json;
using System.Text.Json.Serialization;

// This file is compiled into both LotteryTickets and LotteryTickets.Plotting: the specification
// crosses the boundary between their load contexts as JSON, so both sides share one definition.
// Every layout decision (colours, legend place, tick marks) is taken on the LotteryTickets side
// (ChartLayout) and written here; the renderer only translates it to Plotly.NET.
namespace LotteryTickets.Charts;

/// <summary>What kind of trace a <see cref="TraceSpec"/> draws.</summary>
internal enum TraceKind { Line, Points, Band, Bars, Heatmap, HorizontalLine }

/// <summary>Where a chart's legend goes: to the right of the plot, below it (long or many entries), or nowhere.</summary>
internal enum LegendPlacement { Right, Below, None }

/// <summary>One trace of a chart, in plain data.</summary>
internal sealed record TraceSpec(TraceKind Kind, string Name)
{
    public double[]? X { get; init; }
    public double[]? Y { get; init; }
    public double[]? Lower { get; init; }
    public double[]? Upper { get; init; }
    public string[]? Categories { get; init; }
    public double[][]? Z { get; init; }
    public string[]? Text { get; init; }
    public string? ColorTitle { get; init; }
    public bool Markers { get; init; }
    public bool Dash { get; init; }

    /// <summary>Colour as "#rrggbb" (the line, the markers, the bars, or a band's fill before transparency).</summary>
    public string? Color { get; init; }

    /// <summary>plotly.js marker symbol ("circle", "square-open", …).</summary>
    public string? Symbol { get; init; }

    /// <summary>plotly.js dash style of a line ("solid", "dash", "dot", …).</summary>
    public string? LineStyle { get; init; }

    /// <summary>Legend group: a band shares its curve's group, so both hide and show together.</summary>
    public string? Group { get; init; }

    /// <summary>False for a trace whose name already has a legend entry (the same curve in another panel).</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>A horizontal line drawn across the whole plot width on an overlaid hidden x axis (0 to 1).</summary>
    public bool SpansPlot { get; init; }

    /// <summary>Heatmap colour scale: plotly.js scale name and, for a diverging one, its centre.</summary>
    public string? ColorScale { get; init; }
    public double? ZMin { get; init; }
    public double? ZMax { get; init; }
    public double? ZMid { get; init; }

    /// <summary>False for a heatmap whose colour bar another panel of the same grid already shows.</summary>
    public bool ShowScale { get; init; } = true;
}

/// <summary>Tick marks of one axis: explicit values and labels, or an evenly spaced step from a start.</summary>
internal sealed record AxisTicks
{
    public double[]? Values { get; init; }
    public string[]? Texts { get; init; }
    public double? Step { get; init; }
    public double? Start { get; init; }
}

/// <summary>A whole chart in plain data: titles, axes, traces, or a grid of panels.</summary>
internal sealed record FigureSpec(string Title, string XTitle, string YTitle)
{
    public List<TraceSpec> Traces { get; init; } = [];
    public bool LogX { get; init; }
    public bool LogY { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int GridColumns { get; init; }
    public List<FigureSpec>? Panels { get; init; }

    /// <summary>Tick marks chosen by the layout rules (ChartLayout; null: plotly.js decides).</summary>
    public AxisTicks? XTicks { get; init; }
    public AxisTicks? YTicks { get; init; }

    /// <summary>Where the legend goes, and how many rows it needs when below the plot.</summary>
    public LegendPlacement Legend { get; init; } = LegendPlacement.Right;
    public int LegendRows { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
