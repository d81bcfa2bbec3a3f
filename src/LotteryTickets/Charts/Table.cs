using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Charts;

/// <summary>
/// A small table for notebooks: one row per item, one column per public property (headed by its
/// <see cref="DisplayNameAttribute"/>, or by its name in words: <c>EffectiveMacsPerImage</c> becomes
/// "effective MACs per image"), numbers shown with four significant digits. Numbers a reader must
/// compare belong side by side in one table.
/// <code>Table.From(results, caption: "Tickets at n = 32")</code>
/// A table too wide for a notebook page (about <see cref="WidthBudget"/> pixels, or
/// <see cref="TextWidthBudget"/> characters as text) is shown narrower: columns holding the same value in
/// every row are stated once under the caption, and the rest is split into parts that each repeat the
/// first column.
/// </summary>
[TypeFormatterSource(typeof(TableFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Table
{
    /// <summary>Widest table (estimated, in pixels) shown as one HTML table: it fits a notebook's output area.</summary>
    public const int WidthBudget = 1000;

    /// <summary>Widest table (in characters) written as one block of text.</summary>
    public const int TextWidthBudget = 120;

    // Estimates for the HTML width: average character width at the page's 16 px font, cell padding and
    // border, and the longest line a header may wrap to before it widens its column.
    private const double CharacterPixels = 8.5, CellPixels = 18;
    private const int HeaderLineCharacters = 14;

    private Table(string? caption, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Caption = caption;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Optional caption shown above the table.</summary>
    public string? Caption { get; }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Cell texts, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>
    /// A table of <paramref name="items"/>, with a column for each public readable property of
    /// <typeparamref name="T"/>, headed by the property's <see cref="DisplayNameAttribute"/> or its name in words.
    /// </summary>
    public static Table From<T>(IEnumerable<T> items, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();
        if (properties.Length == 0)
            throw new ArgumentException($"{typeof(T).Name} has no public properties to show as columns.", nameof(items));
        var rows = items.Select(item => (IReadOnlyList<string>)properties.Select(p => Cell(p.GetValue(item))).ToArray()).ToArray();
        var headers = properties.Select(p => p.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName is { Length: > 0 } shown ? shown : Header(p.Name));
        return new Table(caption, headers.ToArray(), rows);
    }

    /// <summary>A table from explicit column names and rows of values.</summary>
    public static Table FromRows(IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(r => (IReadOnlyList<string>)r.Select(Cell).ToArray()).ToArray();
        for (int i = 0; i < cells.Length; i++)
            if (cells[i].Count != columns.Count)
                throw new ArgumentException($"Row {i} has {cells[i].Count} values but there are {columns.Count} columns.", nameof(rows));
        return new Table(caption, columns, cells);
    }

    /// <summary>The table as HTML (one or more tables under one caption when it is too wide for a page).</summary>
    public string ToHtml()
    {
        var layout = Arrange(WidthBudget, ColumnPixels);
        var html = new StringBuilder("<div class=\"lottery-table\">");
        if (Caption is not null) html.Append("<div style=\"font-weight:bold\">").Append(WebUtility.HtmlEncode(Caption)).Append("</div>");
        if (layout.Constants.Count > 0)
            html.Append("<div>").Append(WebUtility.HtmlEncode(ConstantsNote(layout.Constants))).Append("</div>");
        foreach (var part in layout.Parts)
        {
            html.Append("<table style=\"border-collapse:collapse;margin:2px 0 8px 0\"><thead><tr>");
            foreach (int c in part)
                html.Append("<th style=\"border:1px solid #ccc;padding:2px 8px\">").Append(WebUtility.HtmlEncode(Columns[c])).Append("</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var row in Rows)
            {
                html.Append("<tr>");
                foreach (int c in part)
                    html.Append("<td style=\"border:1px solid #ccc;padding:2px 8px;text-align:right\">").Append(WebUtility.HtmlEncode(row[c])).Append("</td>");
                html.Append("</tr>");
            }
            html.Append("</tbody></table>");
        }
        return html.Append("</div>").ToString();
    }

    /// <summary>The table as aligned plain text (in parts, like the HTML, when it is wider than <see cref="TextWidthBudget"/> characters).</summary>
    public override string ToString()
    {
        var layout = Arrange(TextWidthBudget, c => TextWidth(c) + 2);
        var text = new StringBuilder();
        if (Caption is not null) text.AppendLine(Caption);
        if (layout.Constants.Count > 0) text.AppendLine(ConstantsNote(layout.Constants));
        foreach (var part in layout.Parts)
        {
            if (part != layout.Parts[0]) text.AppendLine();
            text.AppendLine(string.Join("  ", part.Select(c => Columns[c].PadLeft(TextWidth(c)))));
            foreach (var row in Rows) text.AppendLine(string.Join("  ", part.Select(c => row[c].PadLeft(TextWidth(c)))));
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>A property name in words: "MacRatio" gives "MAC ratio", "MedianMs" gives "median (ms)", "DotNet" gives ".NET".</summary>
    internal static string Header(string propertyName)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (int i = 0; i < propertyName.Length; i++)
        {
            char c = propertyName[i];
            bool boundary = word.Length > 0 && (
                (char.IsUpper(c) && (char.IsLower(propertyName[i - 1]) || char.IsDigit(propertyName[i - 1])
                                     || (i + 1 < propertyName.Length && char.IsLower(propertyName[i + 1]) && char.IsUpper(propertyName[i - 1]))))
                || (char.IsDigit(c) && !char.IsDigit(propertyName[i - 1])));
            if (c == '_') { if (word.Length > 0) words.Add(word.ToString()); word.Clear(); continue; }
            if (boundary) { words.Add(word.ToString()); word.Clear(); }
            word.Append(c);
        }
        if (word.Length > 0) words.Add(word.ToString());
        string unit = "";
        if (words.Count > 1 && Units.TryGetValue(words[^1], out var u)) { unit = $" ({u})"; words.RemoveAt(words.Count - 1); }
        string text = string.Join(" ", words.Select(w => Words.TryGetValue(w, out var known) ? known : w.ToLowerInvariant()));
        foreach (var (from, to) in Compounds) text = text.Replace(from, to, StringComparison.Ordinal);
        return text + unit;
    }

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mac"] = "MAC", ["macs"] = "MACs", ["gmac"] = "GMAC", ["iqr"] = "IQR", ["relu"] = "ReLU", ["cpu"] = "CPU",
        ["os"] = "OS", ["id"] = "ID", ["json"] = "JSON", ["csv"] = "CSV", ["nsn"] = "NSN",
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal) { ["Ms"] = "ms", ["Seconds"] = "s", ["Bytes"] = "bytes" };

    private static readonly (string From, string To)[] Compounds = [("dot net", ".NET"), ("speed up", "speed-up"), ("nonzero", "non-zero")];

    private sealed record TableLayout(IReadOnlyList<int> Constants, IReadOnlyList<int[]> Parts);

    /// <summary>
    /// Which columns go where: all in one part when they fit <paramref name="budget"/>; otherwise columns
    /// equal in every row (except the first) become a note, and the rest fill parts that each start with
    /// the first column.
    /// </summary>
    private TableLayout Arrange(double budget, Func<int, double> width)
    {
        var all = Enumerable.Range(0, Columns.Count).ToArray();
        if (all.Sum(width) <= budget || Columns.Count <= 2) return new TableLayout([], [all]);
        var constants = Rows.Count < 2 ? [] : all.Skip(1).Where(c => Rows.All(r => r[c] == Rows[0][c])).ToArray();
        var rest = all.Where(c => !constants.Contains(c)).ToArray();
        // As few parts as the budget allows, then columns spread evenly over them (no part of one lone column).
        int count = Pack(rest, budget, width).Count;
        double even = width(rest[0]) + rest.Skip(1).Sum(width) / count;
        var parts = Pack(rest, Math.Min(budget, even), width);
        while (parts.Count > count) parts = Pack(rest, Math.Min(budget, even *= 1.05), width);
        return new TableLayout(constants, parts);
    }

    /// <summary>Columns in order into parts no wider than <paramref name="budget"/>, each starting with the first column.</summary>
    private static List<int[]> Pack(int[] columns, double budget, Func<int, double> width)
    {
        var parts = new List<int[]>();
        var current = new List<int> { columns[0] };
        foreach (int c in columns.Skip(1))
        {
            if (current.Count > 1 && current.Sum(width) + width(c) > budget)
            {
                parts.Add([.. current]);
                current = [columns[0]];
            }
            current.Add(c);
        }
        parts.Add([.. current]);
        return parts;
    }

    private string ConstantsNote(IReadOnlyList<int> constants) =>
        "In every row: " + string.Join("; ", constants.Select(c => $"{Columns[c]} = {Rows[0][c]}")) + ".";

    /// <summary>Estimated HTML width of a column: its widest cell, or its header wrapped to lines of about 14 characters.</summary>
    private double ColumnPixels(int column)
    {
        string header = Columns[column];
        int longestWord = header.Split(' ').Max(w => w.Length);
        int headerChars = Math.Min(header.Length, Math.Max(longestWord, HeaderLineCharacters));
        int cellChars = Rows.Select(r => r[column].Length).DefaultIfEmpty(0).Max();
        return Math.Max(headerChars, cellChars) * CharacterPixels + CellPixels;
    }

    private int TextWidth(int column) => Math.Max(Columns[column].Length, Rows.Select(r => r[column].Length).DefaultIfEmpty(0).Max());

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(Math.Abs(d) is >= 1e-3 and < 1e6 or 0 ? "0.####" : "0.###e0", CultureInfo.InvariantCulture),
        float f => Cell((double)f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => string.Join(", ", e.Cast<object?>().Select(Cell)),
        _ => value.ToString() ?? "",
    };
}
