using System.Text.Json;
using System.Text.Json.Serialization;

// This file is compiled into both LotteryTickets and LotteryTickets.Plotting: the specification
// crosses the boundary between their load contexts as JSON, so both sides share one definition.
namespace LotteryTickets.Charts;

/// <summary>What kind of trace a <see cref="TraceSpec"/> draws.</summary>
internal enum TraceKind { Line, Points, Band, Bars, Heatmap, HorizontalLine }

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

    public static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
