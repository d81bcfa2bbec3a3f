using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Collects a notebook's kernel events into outputs shaped as Jupyter writes them: <c>stream</c>, <c>display_data</c>,
/// <c>execute_result</c> and <c>error</c>. A displayed value that is updated later (<c>status.Update(...)</c>, from the
/// same cell, another thread or a later cell) is updated in place wherever it was shown, so the notebook keeps its
/// final value, as Jupyter does. Outputs that changed since the last <see cref="TakeChanged"/> are reported, so the
/// worker can stream them to the runner while the cell runs.
/// </summary>
internal sealed class NotebookOutputs
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, JsonArray> _cells = [];
    private readonly Dictionary<string, List<(int Cell, int Index)>> _displays = [];
    private readonly SortedSet<(int Cell, int Index)> _changed = [];
    private int _cell = -1, _executionCount;
    private string? _error;

    /// <summary>Starts collecting for the code cell at <paramref name="cell"/> (its index among all cells).</summary>
    public void BeginCell(int cell, int executionCount)
    {
        lock (_gate)
        {
            (_cell, _executionCount, _error) = (cell, executionCount, null);
            _cells[cell] = [];
        }
    }

    /// <summary>The current cell's first error message, or null.</summary>
    public string? Error { get { lock (_gate) return _error; } }

    public void Add(KernelEvent e)
    {
        lock (_gate)
        {
            if (_cell < 0) return;
            switch (e)
            {
                case StandardOutputValueProduced o: AppendStream("stdout", PlainText(o.FormattedValues)); break;
                case StandardErrorValueProduced o: AppendStream("stderr", PlainText(o.FormattedValues)); break;
                case DisplayedValueUpdated u:
                    if (u.ValueId is null || !_displays.TryGetValue(u.ValueId, out var places)) break;
                    foreach (var (cell, index) in places)
                    {
                        _cells[cell][index]!["data"] = Data(u.FormattedValues);
                        _changed.Add((cell, index));
                    }
                    break;
                case DisplayedValueProduced d:
                    var display = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d.FormattedValues), ["metadata"] = new JsonObject() };
                    int at = Append(display);
                    if (d.ValueId is not null)
                    {
                        if (!_displays.TryGetValue(d.ValueId, out var shown)) _displays[d.ValueId] = shown = [];
                        shown.Add((_cell, at));
                    }
                    break;
                case ReturnValueProduced r:
                    Append(new JsonObject
                    {
                        ["output_type"] = "execute_result",
                        ["execution_count"] = _executionCount,
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

    /// <summary>Records a failure of the current cell that did not come from a kernel event (an unsupported language).</summary>
    public void Fail(string name, string message, string? details = null)
    {
        lock (_gate)
        {
            _error ??= message;
            Append(ErrorOutput(name, message, details));
        }
    }

    /// <summary>An <c>error</c> output as Jupyter writes it.</summary>
    public static JsonObject ErrorOutput(string name, string message, string? details = null)
    {
        var trace = new JsonArray();
        foreach (var line in (details ?? message).Split('\n')) trace.Add(line.TrimEnd('\r'));
        return new JsonObject { ["output_type"] = "error", ["ename"] = name, ["evalue"] = message, ["traceback"] = trace };
    }

    /// <summary>The outputs that changed since the last call, in notebook order, as JSON text (taken under the lock, so consistent).</summary>
    public IReadOnlyList<(int Cell, int Index, string Output)> TakeChanged()
    {
        lock (_gate)
        {
            var changed = _changed.Select(p => (p.Cell, p.Index, _cells[p.Cell][p.Index]!.ToJsonString())).ToArray();
            _changed.Clear();
            return changed;
        }
    }

    private int Append(JsonObject output)
    {
        var outputs = _cells[_cell];
        outputs.Add(output);
        _changed.Add((_cell, outputs.Count - 1));
        return outputs.Count - 1;
    }

    private void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        var outputs = _cells[_cell];
        if (outputs.Count > 0 && outputs[^1] is JsonObject last && last["output_type"]?.GetValue<string>() == "stream"
            && last["name"]?.GetValue<string>() == name)
        {
            var lines = (JsonArray)last["text"]!;
            string joined = string.Concat(lines.Select(l => l!.GetValue<string>())) + text;
            last["text"] = Lines(joined);
            _changed.Add((_cell, outputs.Count - 1));
            return;
        }
        Append(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = Lines(text) });
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
