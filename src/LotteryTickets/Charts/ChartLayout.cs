using System.Globalization;
using System.Text;

namespace LotteryTickets.Charts;

/// <summary>
/// The layout rules every chart of the workbook follows, applied to a figure's plain description before
/// it is rendered:
/// <list type="bullet">
/// <item>each curve (line, points, bars) gets its own colour and marker symbol, in order; a curve drawn
/// twice under one name (in two panels) keeps one colour and one legend entry;</item>
/// <item>a band takes the colour of the curve added right after it (or, failing that, right before it),
/// and shares its legend group, so a confidence band can always be matched to its line;</item>
/// <item>lines with markers use open symbols, so curves that coincide still show each other's markers;</item>
/// <item>horizontal reference lines are grey and span the whole plot, whatever the x axis;</item>
/// <item>log axes are labelled with whole values (0.001, 20, 10⁻⁶), never with bare minor digits or SI prefixes;
/// integer axes spanning a few units (channels, dimensions) are labelled at integers only;</item>
/// <item>long or many legend entries go below the plot instead of squeezing it;</item>
/// <item>signed heatmaps use a diverging colour scale centred on zero; heatmaps of one grid with the same
/// colour title share one scale and one colour bar.</item>
/// </list>
/// </summary>
internal static class ChartLayout
{
    /// <summary>The ten colours of the "category10" sequence (matplotlib's and d3's default): distinct on the plot's light background.</summary>
    internal static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private static readonly string[] FilledSymbols =
        ["circle", "square", "diamond", "triangle-up", "triangle-down", "x", "cross", "star", "pentagon", "hexagon"];

    private static readonly string[] ReferenceStyles = ["dot", "dash", "dashdot", "longdash"];

    internal const string ReferenceColor = "#505050";

    /// <summary>A legend goes below the plot when an entry is longer than this many characters…</summary>
    internal const int RightLegendMaxCharacters = 24;

    /// <summary>…or when it has more entries than this.</summary>
    internal const int RightLegendMaxEntries = 8;

    /// <summary>An integer axis spanning at most this many units gets a tick at every integer.</summary>
    internal const int IntegerTickSpan = 12;

    /// <summary>The figure with every layout decision filled in.</summary>
    public static FigureSpec Apply(FigureSpec spec)
    {
        var colors = new Dictionary<string, (string Color, int Index)>(StringComparer.Ordinal);
        if (spec.Panels is { } panels)
        {
            var styled = panels.Select(p => StylePanel(p, colors, inGrid: true)).ToList();
            styled = ShareHeatmapScales(styled);
            var (legend, rows) = PlaceLegend(styled.SelectMany(p => p.Traces));
            return spec with { Panels = styled, Legend = legend, LegendRows = rows };
        }
        var single = StylePanel(spec, colors, inGrid: false);
        var (placement, legendRows) = PlaceLegend(single.Traces);
        return single with { Legend = placement, LegendRows = legendRows };
    }

    private static FigureSpec StylePanel(FigureSpec panel, Dictionary<string, (string Color, int Index)> colors, bool inGrid)
    {
        var traces = panel.Traces.ToList();
        int references = 0;
        for (int i = 0; i < traces.Count; i++)
        {
            var t = traces[i];
            switch (t.Kind)
            {
                case TraceKind.Line or TraceKind.Points or TraceKind.Bars:
                    bool seen = colors.TryGetValue(t.Name, out var slot);
                    if (!seen) colors[t.Name] = slot = (Palette[colors.Count % Palette.Length], colors.Count);
                    string symbol = FilledSymbols[slot.Index % FilledSymbols.Length];
                    traces[i] = t with
                    {
                        Color = slot.Color,
                        Symbol = t.Kind == TraceKind.Line ? symbol + "-open" : symbol,
                        LineStyle = t.Dash ? "dash" : "solid",
                        Group = t.Name,
                        ShowLegend = !seen,
                    };
                    break;
                case TraceKind.HorizontalLine:
                    traces[i] = t with { Color = ReferenceColor, LineStyle = ReferenceStyles[references++ % ReferenceStyles.Length], Group = t.Name };
                    break;
            }
        }
        for (int i = 0; i < traces.Count; i++)
        {
            if (traces[i].Kind != TraceKind.Band) continue;
            var curve = traces.Skip(i + 1).FirstOrDefault(IsCurve) ?? traces.Take(i).LastOrDefault(IsCurve);
            if (curve is null)
            {
                if (!colors.TryGetValue(traces[i].Name, out var own)) colors[traces[i].Name] = own = (Palette[colors.Count % Palette.Length], colors.Count);
                traces[i] = traces[i] with { Color = own.Color, Group = traces[i].Name };
            }
            else traces[i] = traces[i] with { Color = curve.Color, Group = curve.Group };
        }

        // Reference lines span the whole plot; in a grid panel (which cannot overlay an axis of its own) they span the data.
        var xs = traces.Where(t => t.Kind is not (TraceKind.HorizontalLine or TraceKind.Bars) && t.X is not null).SelectMany(t => t.X!).ToArray();
        var categories = traces.Where(t => t.Kind == TraceKind.Bars).SelectMany(t => t.Categories!).Distinct().ToArray();
        for (int i = 0; i < traces.Count; i++)
        {
            if (traces[i].Kind != TraceKind.HorizontalLine) continue;
            double y = traces[i].Y![0];
            traces[i] = !inGrid ? traces[i] with { X = [0, 1], Y = [y, y], SpansPlot = true }
                : categories.Length > 0 ? traces[i] with { Categories = [categories[0], categories[^1]], Y = [y, y] }
                : traces[i] with { X = xs.Length > 0 ? [xs.Min(), xs.Max()] : [0, 1], Y = [y, y] };
        }

        for (int i = 0; i < traces.Count; i++)
            if (traces[i].Kind == TraceKind.Heatmap && traces[i].Z is { } z)
            {
                var values = z.SelectMany(r => r).Where(double.IsFinite).ToArray();
                if (values.Length > 0 && values.Min() < 0 && values.Max() > 0)
                {
                    double reach = Math.Max(-values.Min(), values.Max());
                    traces[i] = traces[i] with { ColorScale = "RdBu", ZMin = -reach, ZMax = reach, ZMid = 0 };
                }
            }

        bool categoryX = categories.Length > 0;
        var xValues = traces.Where(t => t.Kind != TraceKind.HorizontalLine && t.X is not null).SelectMany(t => t.X!);
        var yValues = traces.SelectMany(t => (t.Y ?? []).Concat(t.Lower ?? []).Concat(t.Upper ?? []));
        return panel with
        {
            Traces = traces,
            XTicks = categoryX ? null : panel.LogX ? LogTicks(xValues) : IntegerTicks(xValues),
            YTicks = panel.LogY ? LogTicks(yValues) : IntegerTicks(yValues),
        };

        static bool IsCurve(TraceSpec t) => t.Kind is TraceKind.Line or TraceKind.Points;
    }

    /// <summary>Heatmaps of one grid with the same colour title share their value range and show one colour bar.</summary>
    private static List<FigureSpec> ShareHeatmapScales(List<FigureSpec> panels)
    {
        var heatmaps = panels.SelectMany(p => p.Traces).Where(t => t.Kind == TraceKind.Heatmap && t.Z is not null).ToList();
        foreach (var group in heatmaps.GroupBy(t => t.ColorTitle ?? "").Where(g => g.Count() > 1))
        {
            var values = group.SelectMany(t => t.Z!.SelectMany(r => r)).Where(double.IsFinite).ToArray();
            if (values.Length == 0) continue;
            double lo = values.Min(), hi = values.Max();
            bool diverging = lo < 0 && hi > 0;
            double reach = Math.Max(-lo, hi);
            bool first = true;
            for (int p = 0; p < panels.Count; p++)
            {
                var traces = panels[p].Traces.Select(t =>
                {
                    if (!group.Contains(t)) return t;
                    var shared = diverging
                        ? t with { ColorScale = "RdBu", ZMin = -reach, ZMax = reach, ZMid = 0, ShowScale = first }
                        : t with { ZMin = lo, ZMax = hi, ShowScale = first };
                    first = false;
                    return shared;
                }).ToList();
                panels[p] = panels[p] with { Traces = traces };
            }
        }
        return panels;
    }

    private static (LegendPlacement Placement, int Rows) PlaceLegend(IEnumerable<TraceSpec> traces)
    {
        var entries = traces.Where(t => t.Kind != TraceKind.Heatmap && t.ShowLegend).Select(t => t.Name).Distinct().ToList();
        if (entries.Count == 0) return (LegendPlacement.None, 0);
        if (entries.Max(e => e.Length) <= RightLegendMaxCharacters && entries.Count <= RightLegendMaxEntries)
            return (LegendPlacement.Right, 0);
        // Rows a horizontal legend needs at a narrow page width (about 700 px for entries, 7 px a character
        // plus 45 px for the symbol and gap): the renderer adds that much height, so the plot keeps its own.
        const double width = 700, perCharacter = 7, perEntry = 45;
        int rows = 1;
        double used = 0;
        foreach (var e in entries)
        {
            double w = Math.Min(width, e.Length * perCharacter + perEntry);
            if (used > 0 && used + w > width) { rows++; used = 0; }
            used += w;
        }
        return (LegendPlacement.Below, rows);
    }

    /// <summary>
    /// Ticks for a log axis over <paramref name="values"/> (non-positive values are ignored): every decade
    /// (or every k-th) over wide ranges, 1-2-5 steps over one to a few decades, every digit within about a decade.
    /// Null when the positive values span too little for two ticks (plotly.js then chooses).
    /// </summary>
    internal static AxisTicks? LogTicks(IEnumerable<double> values)
    {
        var positive = values.Where(v => double.IsFinite(v) && v > 0).ToArray();
        if (positive.Length == 0) return null;
        double lo = Math.Log10(positive.Min()), hi = Math.Log10(positive.Max());
        double decades = hi - lo;
        int first = (int)Math.Floor(lo), last = (int)Math.Ceiling(hi);
        if (last == first) last++;
        int[] mantissas = decades > 2.5 ? [1] : decades > 1 ? [1, 2, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
        int stride = decades > 8 ? (int)Math.Ceiling(decades / 8) : 1;
        var ticks = new List<double>();
        for (int e = first - 1; e <= last + 1; e++)
        {
            if (stride > 1 && ((e % stride) + stride) % stride != 0) continue;
            foreach (int m in mantissas) ticks.Add(m * Math.Pow(10, e));
        }
        // Keep ticks within a small pad of the data (plotly.js pads log axes a little); drop the rest.
        double padLo = Math.Pow(10, lo - Math.Max(0.05 * decades, 0.02)), padHi = Math.Pow(10, hi + Math.Max(0.05 * decades, 0.02));
        var inside = ticks.Where(t => t >= padLo * (1 - 1e-9) && t <= padHi * (1 + 1e-9)).ToList();
        if (inside.Count < 2) return null;
        // Ticks up to a decade beyond the data stay listed (they appear when the reader zooms out), except
        // digit ticks, which would label the axis's small padding (a "0.9" left of a dimension axis from 1).
        double reach = mantissas.Length == 9 ? 1 : 10;
        double min = positive.Min() * (1 - 1e-9), max = positive.Max() * (1 + 1e-9);
        var listed = ticks.Where(t => reach == 1 ? t >= min && t <= max : t >= padLo / reach && t <= padHi * reach).ToArray();
        return new AxisTicks { Values = listed, Texts = listed.Select(FormatTick).ToArray() };
    }

    /// <summary>A step of 1 starting at 0 when every value is an integer and they span at most <see cref="IntegerTickSpan"/>.</summary>
    internal static AxisTicks? IntegerTicks(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0 || finite.Any(v => Math.Abs(v - Math.Round(v)) > 1e-9)) return null;
        double span = finite.Max() - finite.Min();
        return span <= IntegerTickSpan ? new AxisTicks { Step = 1, Start = 0 } : null;
    }

    /// <summary>A tick label: plain digits from 0.001 to 99,999, powers of ten (10⁻⁶, 2×10⁻⁶) beyond.</summary>
    internal static string FormatTick(double value)
    {
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude is >= 1e-3 and < 1e5) return value.ToString("#,0.######", CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), 6);
        if (Math.Abs(mantissa) >= 10) { mantissa /= 10; exponent++; }
        string power = "10" + Superscript(exponent);
        return mantissa == 1 ? power : mantissa == -1 ? "−" + power
            : mantissa.ToString("0.###", CultureInfo.InvariantCulture).Replace("-", "−") + "×" + power;
    }

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = new StringBuilder();
        if (exponent < 0) text.Append('⁻');
        foreach (char c in Math.Abs(exponent).ToString(CultureInfo.InvariantCulture)) text.Append(digits[c - '0']);
        return text.ToString();
    }
}
