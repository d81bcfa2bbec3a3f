using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Collects a cell's kernel events into outputs shaped as Jupyter writes them: <c>stream</c>,
/// <c>display_data</c> (updated in place when the kernel updates a displayed value),
/// <c>execute_result</c> and <c>error</c>.
/// </summary>
internal sealed class JupyterOutputs
{
    private readonly JsonArray _outputs = [];
    private readonly Dictionary<string, JsonObject> _displays = [];
    private readonly Lock _gate = new();

    public JsonArray Outputs => _outputs;

    /// <summary>The first error's message, if the cell failed.</summary>
    public string? Error { get; private set; }

    public void Add(KernelEvent e, int executionCount)
    {
        lock (_gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced o: AppendStream("stdout", PlainText(o.FormattedValues)); break;
                case StandardErrorValueProduced o: AppendStream("stderr", PlainText(o.FormattedValues)); break;
                case DisplayedValueUpdated u when u.ValueId is not null && _displays.TryGetValue(u.ValueId, out var shown):
                    shown["data"] = Data(u.FormattedValues);
                    break;
                case DisplayedValueProduced d:
                    var display = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d.FormattedValues), ["metadata"] = new JsonObject() };
                    if (d.ValueId is not null) _displays[d.ValueId] = display;
                    _outputs.Add(display);
                    break;
                case ReturnValueProduced r:
                    _outputs.Add(new JsonObject
                    {
                        ["output_type"] = "execute_result",
                        ["execution_count"] = executionCount,
                        ["data"] = Data(r.FormattedValues),
                        ["metadata"] = new JsonObject(),
                    });
                    break;
                case ErrorProduced err:
                    AppendStream("stderr", err.Message + "\n");
                    break;
                case CommandFailed failed:
                    Fail(failed.Exception?.GetType().Name ?? "Error", failed.Message, failed.Exception?.ToString());
                    break;
            }
        }
    }

    /// <summary>Records a failure that did not come from the kernel (for example a timeout).</summary>
    public void Fail(string name, string message, string? details = null)
    {
        lock (_gate)
        {
            Error ??= message;
            var trace = new JsonArray();
            foreach (var line in (details ?? message).Split('\n')) trace.Add(line.TrimEnd('\r'));
            _outputs.Add(new JsonObject { ["output_type"] = "error", ["ename"] = name, ["evalue"] = message, ["traceback"] = trace });
        }
    }

    private void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        if (_outputs.Count > 0 && _outputs[^1] is JsonObject last && last["output_type"]?.GetValue<string>() == "stream"
            && last["name"]?.GetValue<string>() == name)
        {
            var lines = (JsonArray)last["text"]!;
            string joined = string.Concat(lines.Select(l => l!.GetValue<string>())) + text;
            last["text"] = Lines(joined);
            return;
        }
        _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = Lines(text) });
    }

    private static string PlainText(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? values.FirstOrDefault()?.Value ?? "";

    private static JsonObject Data(IEnumerable<FormattedValue> values)
    {
        var data = new JsonObject();
        foreach (var v in values.Where(v => !v.SuppressDisplay)) data[v.MimeType] = Lines(v.Value);
        return data;
    }

    /// <summary>Jupyter stores multi-line text as a list of lines, each but the last keeping its newline.</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }
}
