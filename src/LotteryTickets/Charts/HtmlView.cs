using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryTickets.Charts;

/// <summary>
/// A workbook object that a notebook shows as a block of HTML (the checks table, the sheet of exercise grades), and as
/// its <see cref="object.ToString"/> where only text is shown. Deriving from it is all a type needs to appear in a
/// notebook: the formatter that notebook hosts look up is declared here, once, so nothing outside <c>Charts</c> talks
/// to the host. A derived class writes <see cref="ToHtml"/> and <see cref="object.ToString"/>; calling <see cref="Show"/>
/// displays it in the running cell.
/// </summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public abstract class HtmlView
{
    /// <summary>The view as one block of HTML (no scripts: it must render in any notebook page).</summary>
    public abstract string ToHtml();

    /// <summary>
    /// Shows the view in the notebook cell that is running, as HTML; outside a notebook kernel (a test, a console
    /// program) it does nothing, so library code may call it anywhere.
    /// </summary>
    public void Show()
    {
        if (KernelInvocationContext.Current is { } context) context.Display(this, "text/html");
    }
}

/// <summary>Tells .NET Interactive hosts how to show any <see cref="HtmlView"/>: its HTML, or its text.</summary>
/// <remarks>The host's formatter attribute is inherited, so every class derived from <see cref="HtmlView"/> gets these formatters.</remarks>
internal sealed class HtmlViewFormatterSource : ITypeFormatterSource
{
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() => NotebookFormatter<HtmlView>.HtmlAndText(v => v.ToHtml());
}
