using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Charts;

/// <summary>Tells .NET Interactive hosts how to show a <see cref="Figure"/>: as chart HTML, or as its one-line description in plain text.</summary>
internal sealed class FigureFormatterSource : ITypeFormatterSource
{
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new FigureFormatter("text/html", f => f.ToHtml()),
        new FigureFormatter("text/plain", f => f.ToString()),
    ];

    private sealed class FigureFormatter(string mimeType, Func<Figure, string> write) : ITypeFormatter
    {
        public string MimeType => mimeType;
        public Type Type => typeof(Figure);

        public bool Format(object instance, FormatContext context)
        {
            if (instance is not Figure figure) return false;
            context.Writer.Write(write(figure));
            return true;
        }
    }
}
