using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Markdig;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Writes an executed notebook as one standalone HTML page: narrative (Markdown), code, and outputs in
/// order. Chart outputs already carry plotly.js (the first chart of a notebook does), so the page draws
/// its charts with no network.
/// </summary>
public static class HtmlPage
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

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

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/>.</summary>
    public static void Write(NotebookDocument notebook, string path, string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>").Append(Style).Append("</style></head>\n<body>\n");
        foreach (var node in notebook.Cells)
        {
            var cell = (JsonObject)node!;
            string source = NotebookDocument.SourceOf(cell);
            switch (cell["cell_type"]!.GetValue<string>())
            {
                case "markdown":
                    html.Append("<div class=\"cell markdown\">").Append(Markdig.Markdown.ToHtml(source, Markdown)).Append("</div>\n");
                    break;
                case "code":
                    var count = cell["execution_count"];
                    html.Append("<div class=\"cell code\"><div class=\"prompt\">In [").Append(count?.ToString() ?? " ").Append("]:</div><pre><code>")
                        .Append(WebUtility.HtmlEncode(source)).Append("</code></pre>\n");
                    if (cell["outputs"] is JsonArray outputs)
                        foreach (var output in outputs.OfType<JsonObject>()) AppendOutput(html, output);
                    html.Append("</div>\n");
                    break;
            }
        }
        html.Append("</body></html>\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, html.ToString());
    }

    private static void AppendOutput(StringBuilder html, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                string name = output["name"]?.GetValue<string>() ?? "stdout";
                html.Append("<div class=\"output ").Append(name).Append("\"><pre>").Append(WebUtility.HtmlEncode(Text(output["text"]))).Append("</pre></div>\n");
                break;
            case "display_data" or "execute_result":
                var data = output["data"] as JsonObject;
                if (data?["text/html"] is { } h) html.Append("<div class=\"output\">").Append(Text(h)).Append("</div>\n");
                else if (data?["image/svg+xml"] is { } svg) html.Append("<div class=\"output\">").Append(Text(svg)).Append("</div>\n");
                else if (data?["text/plain"] is { } p) html.Append("<div class=\"output\"><pre>").Append(WebUtility.HtmlEncode(Text(p))).Append("</pre></div>\n");
                break;
            case "error":
                html.Append("<div class=\"output error\"><pre>")
                    .Append(WebUtility.HtmlEncode($"{output["ename"]}: {output["evalue"]}")).Append("</pre></div>\n");
                break;
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };
}
