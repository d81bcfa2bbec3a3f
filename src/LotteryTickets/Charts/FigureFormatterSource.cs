using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Charts;

/// <summary>Tells .NET Interactive hosts how to show a <see cref="Figure"/>: as chart HTML, or as its one-line description in plain text.</summary>
internal sealed class FigureFormatterSource : ITypeFormatterSource
{
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() => NotebookFormatter<Figure>.HtmlAndText(f => f.ToHtml());
}

/// <summary>Tells .NET Interactive hosts how to show a <see cref="Table"/>: as an HTML table, or as aligned text.</summary>
internal sealed class TableFormatterSource : ITypeFormatterSource
{
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() => NotebookFormatter<Table>.HtmlAndText(t => t.ToHtml());
}

/// <summary>A formatter that writes a value of type <typeparamref name="T"/> for one MIME type.</summary>
internal sealed class NotebookFormatter<T>(string mimeType, Func<T, string> write) : ITypeFormatter where T : class
{
    public string MimeType => mimeType;
    public Type Type => typeof(T);

    /// <summary>An HTML formatter and a plain-text one (the value's ToString).</summary>
    public static ITypeFormatter[] HtmlAndText(Func<T, string> html) =>
        [new NotebookFormatter<T>("text/html", html), new NotebookFormatter<T>("text/plain", v => v.ToString() ?? "")];

    public bool Format(object instance, FormatContext context)
    {
        if (instance is not T value) return false;
        context.Writer.Write(write(value));
        return true;
    }
}
