using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Charts;

/// <summary>
/// A small table for notebooks: one row per item, one column per public property, numbers shown with
/// four significant digits. Numbers a reader must compare belong side by side in one table.
/// <code>Table.From(results, caption: "Tickets at n = 32")</code>
/// </summary>
[TypeFormatterSource(typeof(TableFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Table
{
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

    /// <summary>A table of <paramref name="items"/>, with a column for each public readable property of <typeparamref name="T"/>.</summary>
    public static Table From<T>(IEnumerable<T> items, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();
        if (properties.Length == 0)
            throw new ArgumentException($"{typeof(T).Name} has no public properties to show as columns.", nameof(items));
        var rows = items.Select(item => (IReadOnlyList<string>)properties.Select(p => Cell(p.GetValue(item))).ToArray()).ToArray();
        return new Table(caption, properties.Select(p => p.Name).ToArray(), rows);
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

    /// <summary>The table as HTML.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"lottery-table\" style=\"border-collapse:collapse\">");
        if (Caption is not null) html.Append("<caption style=\"text-align:left;font-weight:bold\">").Append(WebUtility.HtmlEncode(Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var c in Columns) html.Append("<th style=\"border:1px solid #ccc;padding:2px 8px\">").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td style=\"border:1px solid #ccc;padding:2px 8px;text-align:right\">").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The table as aligned plain text.</summary>
    public override string ToString()
    {
        var widths = Columns.Select((c, i) => Math.Max(c.Length, Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        if (Caption is not null) text.AppendLine(Caption);
        text.AppendLine(string.Join("  ", Columns.Select((c, i) => c.PadLeft(widths[i]))));
        foreach (var row in Rows) text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
        return text.ToString().TrimEnd();
    }

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
