using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LotteryNotebooks.Runner;

/// <summary>What the runner asks one worker process to do: run one prepared notebook (parameters already injected).</summary>
/// <param name="Notebook">The prepared notebook to execute.</param>
/// <param name="Events">The file the worker appends its events to, one JSON object per line.</param>
internal sealed record WorkerJob(string Notebook, string Events)
{
    public static WorkerJob Read(string path) =>
        JsonSerializer.Deserialize<WorkerJob>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty worker job.");

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}

/// <summary>
/// The events a worker reports, one JSON object per line in its events file (a file rather than a pipe: nothing a cell or
/// a native library prints can interleave with it, and whatever was written before a crash stays readable):
/// <c>ready</c> (kernel started), <c>cell</c> (a code cell starts: its index and execution count), <c>output</c> (output
/// <c>index</c> of cell <c>cell</c> was added or changed), <c>end</c> (the cell finished; <c>error</c> when it failed) and
/// <c>finished</c> (the notebook is done).
/// </summary>
internal static class WorkerEvent
{
    public const string Ready = "ready", Cell = "cell", Output = "output", End = "end", Finished = "finished";
}

/// <summary>Appends events to the events file, flushing each line (the runner reads it while the worker runs).</summary>
internal sealed class WorkerEventWriter(string path) : IDisposable
{
    private readonly FileStream _stream = new(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    private readonly Lock _gate = new();

    public void Write(string kind, int? cell = null, int? count = null, int? index = null, string? output = null, string? error = null)
    {
        var line = new StringBuilder("{\"kind\":").Append(JsonSerializer.Serialize(kind));
        if (cell is not null) line.Append(",\"cell\":").Append(cell.Value);
        if (count is not null) line.Append(",\"count\":").Append(count.Value);
        if (index is not null) line.Append(",\"index\":").Append(index.Value);
        if (output is not null) line.Append(",\"output\":").Append(output);
        if (error is not null) line.Append(",\"error\":").Append(JsonSerializer.Serialize(error));
        line.Append("}\n");
        byte[] bytes = Encoding.UTF8.GetBytes(line.ToString());
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>Reads the complete lines appended to an events file since the last call.</summary>
internal sealed class WorkerEventReader(string path) : IDisposable
{
    private FileStream? _stream;
    private readonly MemoryStream _partial = new();
    private readonly byte[] _buffer = new byte[1 << 16];

    public IReadOnlyList<JsonObject> ReadNew()
    {
        var events = new List<JsonObject>();
        if (_stream is null)
        {
            if (!File.Exists(path)) return events;
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        int read;
        while ((read = _stream.Read(_buffer)) > 0)
        {
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                if (_buffer[i] != (byte)'\n') continue;
                _partial.Write(_buffer, start, i - start);
                if (JsonNode.Parse(_partial.GetBuffer().AsSpan(0, (int)_partial.Length)) is JsonObject e) events.Add(e);
                _partial.SetLength(0);
                start = i + 1;
            }
            _partial.Write(_buffer, start, read - start);
        }
        return events;
    }

    public void Dispose() => _stream?.Dispose();
}
