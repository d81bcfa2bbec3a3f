using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Charts;

/// <summary>
/// An interactive chart (drawn by plotly.js through Plotly.NET) that displays itself in every notebook
/// host and renders with no network. Build it fluently; each call returns a new figure:
/// <code>
/// Figure.Create(title: "Coverage radius", xTitle: "n", yTitle: "eps*")
///       .Line(ns, radii, name: "U[-1,1]")
///       .LogY()
/// </code>
/// As the last expression of a notebook cell (or passed to <c>display</c>) it shows as a chart; in
/// other programs <see cref="ToHtml()"/> gives the HTML.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Figure
{
    private readonly FigureSpec _spec;
    private readonly IReadOnlyList<(double Y, string Name)> _horizontalLines;

    private Figure(FigureSpec spec, IReadOnlyList<(double, string)> horizontalLines)
    {
        _spec = spec;
        _horizontalLines = horizontalLines;
    }

    /// <summary>The chart's title.</summary>
    public string Title => _spec.Title;

    /// <summary>Names of the traces (the legend's entries), in drawing order.</summary>
    public IReadOnlyList<string> TraceNames =>
        _spec.Panels is { } panels
            ? panels.SelectMany(p => p.Traces.Select(t => t.Name)).ToArray()
            : _spec.Traces.Select(t => t.Name).Concat(_horizontalLines.Select(h => h.Name)).ToArray();

    /// <summary>Starts an empty chart with a title and axis labels (all three are required: a chart must say what it shows).</summary>
    public static Figure Create(string title, string xTitle, string yTitle)
    {
        RequireText(title, nameof(title));
        RequireText(xTitle, nameof(xTitle));
        RequireText(yTitle, nameof(yTitle));
        return new Figure(new FigureSpec(title, xTitle, yTitle), []);
    }

    /// <summary>Several figures side by side in a grid with <paramref name="columns"/> columns, each keeping its own title and axes.</summary>
    public static Figure Grid(int columns, string title, params IEnumerable<Figure> panels)
    {
        RequireText(title, nameof(title));
        var list = panels?.ToList() ?? throw new ArgumentNullException(nameof(panels));
        if (list.Count == 0) throw new ArgumentException("A grid needs at least one panel; got none.", nameof(panels));
        if (columns < 1 || columns > 8)
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be between 1 and 8.");
        if (list.Any(p => p._spec.Panels is not null))
            throw new ArgumentException("A grid's panels must be single charts, not grids.", nameof(panels));
        var spec = new FigureSpec(title, "", "") { GridColumns = columns, Panels = list.Select(p => p.Spec()).ToList() };
        return new Figure(spec, []);
    }

    /// <summary>A line through the points (x[i], y[i]); <paramref name="markers"/> also marks each point, <paramref name="dash"/> draws it dashed.</summary>
    public Figure Line(IEnumerable<double> x, IEnumerable<double> y, string name, bool markers = false, bool dash = false, IEnumerable<string>? text = null)
    {
        var (xs, ys) = Pair(x, y, nameof(y));
        return Add(new TraceSpec(TraceKind.Line, Named(name)) { X = xs, Y = ys, Markers = markers, Dash = dash, Text = Texts(text, xs.Length) });
    }

    /// <summary>Unconnected markers at (x[i], y[i]), with optional hover text per point.</summary>
    public Figure Points(IEnumerable<double> x, IEnumerable<double> y, string name, IEnumerable<string>? text = null)
    {
        var (xs, ys) = Pair(x, y, nameof(y));
        return Add(new TraceSpec(TraceKind.Points, Named(name)) { X = xs, Y = ys, Text = Texts(text, xs.Length) });
    }

    /// <summary>
    /// A shaded band between <paramref name="lower"/> and <paramref name="upper"/> (for example a confidence
    /// interval). It takes the colour of the curve (line or points) added right after it, or, when none
    /// follows, of the one added right before it: add each band just before its curve.
    /// </summary>
    public Figure Band(IEnumerable<double> x, IEnumerable<double> lower, IEnumerable<double> upper, string name)
    {
        var (xs, lo) = Pair(x, lower, nameof(lower));
        var (_, hi) = Pair(xs, upper, nameof(upper));
        for (int i = 0; i < xs.Length; i++)
            if (lo[i] > hi[i])
                throw new ArgumentException($"lower must not exceed upper; at index {i} lower = {lo[i]} and upper = {hi[i]}.", nameof(lower));
        return Add(new TraceSpec(TraceKind.Band, Named(name)) { X = xs, Lower = lo, Upper = hi });
    }

    /// <summary>Vertical bars, one per category.</summary>
    public Figure Bars(IEnumerable<string> categories, IEnumerable<double> values, string name)
    {
        var cats = categories?.ToArray() ?? throw new ArgumentNullException(nameof(categories));
        var vals = values?.ToArray() ?? throw new ArgumentNullException(nameof(values));
        if (cats.Length != vals.Length)
            throw new ArgumentException($"categories and values must have the same length; got {cats.Length} and {vals.Length}.", nameof(values));
        if (cats.Length == 0) throw new ArgumentException("Bars need at least one category; got none.", nameof(categories));
        return Add(new TraceSpec(TraceKind.Bars, Named(name)) { Categories = cats, Y = vals });
    }

    /// <summary>A heatmap: <paramref name="z"/>[row, column] is drawn at (x[column], y[row]).</summary>
    public Figure Heatmap(IEnumerable<double> x, IEnumerable<double> y, double[,] z, string name, string? colorTitle = null)
    {
        var xs = x?.ToArray() ?? throw new ArgumentNullException(nameof(x));
        var ys = y?.ToArray() ?? throw new ArgumentNullException(nameof(y));
        ArgumentNullException.ThrowIfNull(z);
        if (z.GetLength(0) != ys.Length || z.GetLength(1) != xs.Length)
            throw new ArgumentException(
                $"z must have y.Count rows and x.Count columns ({ys.Length} x {xs.Length}); got {z.GetLength(0)} x {z.GetLength(1)}.", nameof(z));
        if (xs.Length == 0 || ys.Length == 0) throw new ArgumentException("A heatmap needs at least one row and one column.", nameof(z));
        var rows = new double[ys.Length][];
        for (int r = 0; r < ys.Length; r++)
        {
            rows[r] = new double[xs.Length];
            for (int c = 0; c < xs.Length; c++) rows[r][c] = z[r, c];
        }
        return Add(new TraceSpec(TraceKind.Heatmap, Named(name)) { X = xs, Y = ys, Z = rows, ColorTitle = colorTitle });
    }

    /// <summary>A grey horizontal reference line at height <paramref name="y"/> across the whole plot (whatever the x axis: numbers, log or categories).</summary>
    public Figure HorizontalLine(double y, string name)
    {
        RequireSingle();
        if (!double.IsFinite(y)) throw new ArgumentOutOfRangeException(nameof(y), y, "y must be a finite number.");
        return new Figure(_spec, [.. _horizontalLines, (y, Named(name))]);
    }

    /// <summary>Logarithmic x axis.</summary>
    public Figure LogX() { RequireSingle(); return new Figure(_spec with { LogX = true }, _horizontalLines); }

    /// <summary>Logarithmic y axis.</summary>
    public Figure LogY() { RequireSingle(); return new Figure(_spec with { LogY = true }, _horizontalLines); }

    /// <summary>
    /// The largest width and the height in pixels. Charts follow the width of the page or notebook
    /// output up to their largest width (default 960 px for a chart; grids size themselves) and keep
    /// their height (default 460 px, plus the rows of a legend placed below the plot).
    /// </summary>
    public Figure Size(int width, int height)
    {
        if (width is < 200 or > 4000) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be between 200 and 4000 pixels.");
        if (height is < 150 or > 4000) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be between 150 and 4000 pixels.");
        return new Figure(_spec with { Width = width, Height = height }, _horizontalLines);
    }

    /// <summary>
    /// The chart as an HTML fragment. It carries plotly.js the first time a chart is shown in this
    /// notebook kernel (or process) and draws itself as soon as <c>window.Plotly</c> exists.
    /// </summary>
    public string ToHtml() => ToHtml(PlotlyScript.TakeFirstUse());

    /// <summary>A complete HTML page holding only this chart and plotly.js; it opens in a browser with no network.</summary>
    public string ToStandalonePage() =>
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(Title)}</title></head>\n<body>\n{ToHtml(includePlotly: true)}\n</body></html>\n";

    /// <summary>A one-line description, shown where HTML is not available.</summary>
    public override string ToString() =>
        _spec.Panels is { } panels
            ? $"Figure grid \"{Title}\" ({panels.Count} panels)"
            : $"Figure \"{Title}\" ({_spec.Traces.Count + _horizontalLines.Count} traces: {string.Join(", ", TraceNames)})";

    internal string ToHtml(bool includePlotly)
    {
        string chart = ChartScript.Deferred(PlotlyBridge.Render(JsonSerializer.Serialize(Styled(), FigureSpec.Json)));
        return includePlotly ? PlotlyScript.ScriptTags() + chart : chart;
    }

    /// <summary>The figure's description as given: its traces, with horizontal lines last.</summary>
    internal FigureSpec Spec() =>
        _spec.Panels is not null || _horizontalLines.Count == 0
            ? _spec
            : _spec with { Traces = [.. _spec.Traces, .. _horizontalLines.Select(h => new TraceSpec(TraceKind.HorizontalLine, h.Name) { Y = [h.Y] })] };

    /// <summary>The description with every layout decision taken (colours, ticks, legend): what the renderer draws.</summary>
    internal FigureSpec Styled() => ChartLayout.Apply(Spec());

    private Figure Add(TraceSpec trace)
    {
        RequireSingle();
        return new Figure(_spec with { Traces = [.. _spec.Traces, trace] }, _horizontalLines);
    }

    private void RequireSingle()
    {
        if (_spec.Panels is not null)
            throw new InvalidOperationException("Add traces to the panels before putting them in a grid; a grid takes no traces of its own.");
    }

    private static (double[] X, double[] Y) Pair(IEnumerable<double> x, IEnumerable<double> y, string yName)
    {
        var xs = x?.ToArray() ?? throw new ArgumentNullException(nameof(x));
        var ys = y?.ToArray() ?? throw new ArgumentNullException(yName);
        if (xs.Length != ys.Length)
            throw new ArgumentException($"x and {yName} must have the same length; got {xs.Length} and {ys.Length}.", yName);
        if (xs.Length == 0) throw new ArgumentException("A trace needs at least one point; got none.", nameof(x));
        return (xs, ys);
    }

    private static string[]? Texts(IEnumerable<string>? text, int count)
    {
        if (text is null) return null;
        var texts = text.ToArray();
        if (texts.Length != count)
            throw new ArgumentException($"text must have one entry per point ({count}); got {texts.Length}.", nameof(text));
        return texts;
    }

    private static string Named(string name)
    {
        RequireText(name, nameof(name));
        return name;
    }

    private static void RequireText(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{parameter} must be a non-empty text; got '{value}'.", parameter);
    }
}
