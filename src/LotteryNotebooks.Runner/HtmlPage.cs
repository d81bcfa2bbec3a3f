using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LotteryTickets.Workbook;
using Markdig;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Writes an executed notebook as an HTML page: narrative (Markdown), code, and outputs in order. Chart outputs carry
/// plotly.js (the first chart of a notebook does, from the copy inside Plotly.NET), so pages draw their charts with no
/// network. Two forms: <b>shared</b> (the default), where the pages of one folder load a single copy of plotly.js
/// written next to them (<c>plotly-VERSION.js</c>, about 3.6 MB once instead of once per page), and <b>standalone</b>,
/// where each page is one self-contained file to send or archive on its own.
/// </summary>
public static class HtmlPage
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The header plotly.js opens with (<c>/**\n* plotly.js v2.28.0</c>), which identifies an embedded copy.</summary>
    private const string PlotlyHeader = "* plotly.js v";

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
        .cell { margin: 1em 0; }
        .code pre { background: #f6f8fa; border-left: 3px solid #8ab; padding: .6em .8em; overflow-x: auto; font-size: 13px; }
        .prompt { color: #789; font: 12px monospace; }
        .output { margin: .3em 0 .3em 1.2em; overflow-x: auto; }
        .output pre { margin: 0; font-size: 13px; white-space: pre-wrap; }
        .stderr pre { color: #a40; }
        .error pre { color: #b00; background: #fff0f0; padding: .5em; }
        table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 2px 8px; }
        """;

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> (atomically).</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="path">The page's path.</param>
    /// <param name="title">The page's title.</param>
    /// <param name="standalone">Embed plotly.js in the page instead of sharing one copy next to it.</param>
    public static void Write(NotebookDocument notebook, string path, string title, bool standalone = false)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>").Append(Style).Append("</style></head>\n<body>\n");
        foreach (var node in notebook.Cells)
        {
            var cell = (JsonObject)node!;
            string source = NotebookDocument.SourceOf(cell);
            switch (NotebookDocument.CellTypeOf(cell))
            {
                case "markdown":
                    html.Append("<div class=\"cell markdown\">").Append(Markdig.Markdown.ToHtml(source, Markdown)).Append("</div>\n");
                    break;
                case "code":
                    var count = cell["execution_count"];
                    html.Append("<div class=\"cell code\"><div class=\"prompt\">In [").Append(count?.ToString() ?? " ").Append("]:</div><pre><code>")
                        .Append(WebUtility.HtmlEncode(source)).Append("</code></pre>\n");
                    if (cell["outputs"] is JsonArray outputs)
                        foreach (var output in outputs.OfType<JsonObject>()) AppendOutput(html, output, standalone ? null : folder);
                    html.Append("</div>\n");
                    break;
            }
        }
        html.Append("</body></html>\n");
        AtomicFile.WriteAllText(path, html.ToString());
    }

    private static void AppendOutput(StringBuilder html, JsonObject output, string? sharedFolder)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                string name = output["name"]?.GetValue<string>() ?? "stdout";
                html.Append("<div class=\"output ").Append(WebUtility.HtmlEncode(name)).Append("\"><pre>").Append(WebUtility.HtmlEncode(Text(output["text"]))).Append("</pre></div>\n");
                break;
            case "display_data" or "execute_result":
                var data = output["data"] as JsonObject;
                if (data?["text/html"] is { } h)
                {
                    string content = Text(h);
                    if (sharedFolder is not null) content = SharePlotly(content, sharedFolder);
                    html.Append("<div class=\"output\">").Append(content).Append("</div>\n");
                }
                else if (data?["image/svg+xml"] is { } svg) html.Append("<div class=\"output\">").Append(Text(svg)).Append("</div>\n");
                else if (data?["text/plain"] is { } p) html.Append("<div class=\"output\"><pre>").Append(WebUtility.HtmlEncode(Text(p))).Append("</pre></div>\n");
                break;
            case "error":
                html.Append("<div class=\"output error\"><pre>")
                    .Append(WebUtility.HtmlEncode($"{output["ename"]}: {output["evalue"]}")).Append("</pre></div>\n");
                break;
        }
    }

    /// <summary>
    /// Replaces an inline copy of plotly.js in <paramref name="html"/> by a script loading <c>plotly-VERSION.js</c> from
    /// the page's folder, writing that file the first time (scripts load in order, so charts after it find <c>window.Plotly</c>
    /// exactly as with the inline copy).
    /// </summary>
    internal static string SharePlotly(string html, string folder)
    {
        int header = html.IndexOf(PlotlyHeader, StringComparison.Ordinal);
        if (header < 0) return html;
        int open = html.LastIndexOf("<script", header, StringComparison.OrdinalIgnoreCase);
        int contentStart = open < 0 ? -1 : html.IndexOf('>', open) + 1;
        // The library starts right after the tag (only whitespace and the "/**" comment opener before its header).
        if (open < 0 || contentStart <= 0 || contentStart > header || html[contentStart..header].Trim() is not ("/**" or "/*" or "/*!"))
            return html;
        int close = html.IndexOf("</script>", contentStart, StringComparison.OrdinalIgnoreCase);
        if (close < 0) return html;
        string library = html[contentStart..close];
        int versionStart = header + PlotlyHeader.Length;
        int versionEnd = versionStart;
        while (versionEnd < close && (char.IsAsciiDigit(html[versionEnd]) || html[versionEnd] == '.')) versionEnd++;
        string version = html[versionStart..versionEnd].Trim('.');
        string file = $"plotly-{(version.Length > 0 ? version : "embedded")}.js";
        WriteIfChanged(Path.Combine(folder, file), library);
        return html[..open] + $"<script type=\"text/javascript\" src=\"{file}\"></script>" + html[(close + "</script>".Length)..];
    }

    private static void WriteIfChanged(string path, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && SHA256.HashData(File.ReadAllBytes(path)).AsSpan().SequenceEqual(SHA256.HashData(bytes)))
            return;
        AtomicFile.WriteAllBytes(path, bytes);
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };
}
