using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Runs one notebook in a worker process (this program started again in <see cref="NotebookWorker"/> mode) and applies
/// the worker's events to the notebook's cells. It enforces the per-cell timeout by killing the worker, and turns a
/// worker that dies (stack overflow, <c>Environment.Exit</c>, killed) into a failure of the cell that was running,
/// with the cause, keeping every output recorded before.
/// </summary>
internal sealed class WorkerProcess
{
    /// <summary>Longest time the kernel may take to start, before the first cell (on a busy 2-core machine it takes seconds).</summary>
    private static readonly TimeSpan StartupLimit = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly NotebookDocument _notebook;
    private readonly TimeSpan _cellTimeout;
    private readonly Action<string>? _progress;
    private readonly TailBuffer _stderr = new(), _stdout = new();
    private int _cell = -1, _lastEnded = -1, _executed;
    private bool _finished;
    private CellFailure? _failure;

    private WorkerProcess(NotebookDocument notebook, TimeSpan cellTimeout, Action<string>? progress) =>
        (_notebook, _cellTimeout, _progress) = (notebook, cellTimeout, progress);

    /// <summary>
    /// Executes <paramref name="notebook"/> (prepared: parameters injected) in a worker started in <paramref name="workingDirectory"/>,
    /// filling in its cells' outputs and execution counts; returns the code cells executed and the first failure.
    /// </summary>
    public static async Task<(int Executed, CellFailure? Failure)> RunAsync(NotebookDocument notebook, string workingDirectory, TimeSpan cellTimeout,
        Action<string>? progress)
    {
        var worker = new WorkerProcess(notebook, cellTimeout, progress);
        string staging = Directory.CreateTempSubdirectory("lottery-runner-").FullName;
        try
        {
            await worker.RunAsync(staging, workingDirectory);
        }
        finally
        {
            foreach (var cell in worker.CodeCells()) DropEmptySlots((JsonArray)cell["outputs"]!);
            try { Directory.Delete(staging, recursive: true); } catch (IOException) { }
        }
        return (worker._executed, worker._failure);
    }

    private async Task RunAsync(string staging, string workingDirectory)
    {
        string input = Path.Combine(staging, "notebook.ipynb"), events = Path.Combine(staging, "events.jsonl"), job = Path.Combine(staging, "job.json");
        _notebook.Save(input);
        new WorkerJob(input, events).Write(job);
        foreach (var cell in CodeCells())
        {
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }

        var (fileName, arguments) = WorkerCommand(job);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the notebook worker: {fileName} {string.Join(' ', arguments)}");
        process.OutputDataReceived += (_, e) => _stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _stderr.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var reader = new WorkerEventReader(events);
        var phase = Stopwatch.StartNew();
        bool exited = false;
        while (!exited)
        {
            exited = await WaitForExitAsync(process, PollInterval);
            foreach (var e in reader.ReadNew()) Apply(e, phase);
            if (exited || _finished) break;
            if (_cell >= 0 && phase.Elapsed > _cellTimeout)
            {
                int running = _cell;
                Kill(process);
                foreach (var e in reader.ReadNew()) Apply(e, phase); // outputs written just before the kill
                Fail(running, "timeout", "TimeoutException",
                    $"The cell ran longer than the per-cell timeout of {_cellTimeout.TotalSeconds:0.#} s and was stopped " +
                    "(raise it with --cell-timeout SECONDS, or lower the notebook's parameters).");
                return;
            }
            if (_cell < 0 && phase.Elapsed > StartupLimit)
            {
                Kill(process);
                Fail(NextCodeCell(), "crash", "KernelStartFailed",
                    $"The notebook's kernel did not start within {StartupLimit.TotalSeconds:0} s.{Tail()}");
                return;
            }
        }
        if (_finished)
        {
            // The notebook is done; a cell may have left a foreground thread running: do not wait for it for long.
            if (!await WaitForExitAsync(process, TimeSpan.FromSeconds(30))) Kill(process);
            return;
        }
        process.WaitForExit(); // drains the redirected streams
        foreach (var e in reader.ReadNew()) Apply(e, phase);
        if (_finished) return;
        Fail(_cell >= 0 ? _cell : NextCodeCell(), "crash", "NotebookProcessCrashed", CrashCause(process.ExitCode));
    }

    private void Apply(JsonObject e, Stopwatch phase)
    {
        switch (e["kind"]?.GetValue<string>())
        {
            case WorkerEvent.Cell:
                _cell = e["cell"]!.GetValue<int>();
                _executed++;
                Cell(_cell)["execution_count"] = e["count"]!.GetValue<int>();
                phase.Restart();
                break;
            case WorkerEvent.Output:
                PlaceOutput((JsonArray)Cell(e["cell"]!.GetValue<int>())["outputs"]!, e["index"]!.GetValue<int>(), e["output"]!.DeepClone());
                break;
            case WorkerEvent.End:
                int cell = e["cell"]!.GetValue<int>();
                string error = e["error"]?.GetValue<string>() ?? "";
                _progress?.Invoke($"{_notebook.FileName}: cell {cell + 1}/{_notebook.Cells.Count} {phase.Elapsed.TotalSeconds:F1} s");
                if (error.Length > 0) _failure ??= new CellFailure(cell + 1, FirstLine(NotebookDocument.SourceOf(Cell(cell))), FirstLine(error));
                (_cell, _lastEnded) = (-1, cell);
                phase.Restart();
                break;
            case WorkerEvent.Finished:
                _finished = true;
                break;
        }
    }

    private void Fail(int cell, string kind, string name, string message)
    {
        if (cell < 0) return;
        if (Cell(cell)["execution_count"] is null)
        {
            _executed++;
            Cell(cell)["execution_count"] = _executed;
        }
        ((JsonArray)Cell(cell)["outputs"]!).Add(NotebookOutputs.ErrorOutput(name, message));
        _failure ??= new CellFailure(cell + 1, FirstLine(NotebookDocument.SourceOf(Cell(cell))), FirstLine(message), kind);
    }

    /// <summary>Why the worker died, from its exit code and the last lines it wrote to stderr.</summary>
    private string CrashCause(int exitCode)
    {
        string stderr = _stderr.Text;
        string where = _cell >= 0 ? $"while cell {_cell + 1} was running" : _lastEnded < 0 ? "before its first cell" : $"after cell {_lastEnded + 1}";
        if (stderr.Contains("Stack overflow", StringComparison.Ordinal))
        {
            string frame = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal)) ?? "";
            return $"Stack overflow: the notebook's process crashed {where} (infinite or too deep recursion{(frame.Length > 0 ? ", " + frame : "")}); exit code {exitCode}.";
        }
        string cause = exitCode switch
        {
            > 128 and < 160 => $"was killed by signal {exitCode - 128} {where}{(exitCode - 128) switch { 9 => " (SIGKILL: out of memory?)", 6 => " (SIGABRT)", 11 => " (SIGSEGV: a native crash)", _ => "" }}",
            _ => $"exited with code {exitCode} {where}{(_cell >= 0 ? " (did the cell call Environment.Exit?)" : "")}",
        };
        return $"The notebook's process {cause}.{Tail()}";
    }

    private string Tail()
    {
        var lines = _stderr.Text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).TakeLast(3).ToArray();
        return lines.Length == 0 ? "" : " Its last words on stderr: " + string.Join(" | ", lines.Select(l => l.Length > 200 ? l[..197] + "..." : l));
    }

    /// <summary>
    /// Puts an output the worker reported at its place in the cell's outputs, whatever order the reports arrive in: a
    /// later output reported first leaves empty slots before it, filled when the earlier ones arrive (a large display
    /// written by one thread must not be overwritten by, or overwrite, a return value written by another).
    /// </summary>
    internal static void PlaceOutput(JsonArray outputs, int index, JsonNode output)
    {
        while (outputs.Count <= index) outputs.Add(null);
        outputs[index] = output;
    }

    /// <summary>Removes slots no report filled (a worker killed between two reports), so the notebook holds only outputs.</summary>
    internal static void DropEmptySlots(JsonArray outputs)
    {
        for (int i = outputs.Count - 1; i >= 0; i--)
            if (outputs[i] is null) outputs.RemoveAt(i);
    }

    private JsonObject Cell(int index) => (JsonObject)_notebook.Cells[index]!;

    private IEnumerable<JsonObject> CodeCells() => _notebook.Cells.OfType<JsonObject>().Where(c => NotebookDocument.CellTypeOf(c) == "code");

    // The code cell after the last one that ended: where a worker that died between cells was headed.
    private int NextCodeCell()
    {
        for (int i = _lastEnded + 1; i < _notebook.Cells.Count; i++)
            if (_notebook.Cells[i] is JsonObject c && NotebookDocument.CellTypeOf(c) == "code") return i;
        return -1;
    }

    internal static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 120 ? line[..117] + "..." : line;
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit();
    }

    /// <summary>
    /// How to start a worker: this program's own launcher when the runner runs through it, otherwise the dotnet host with
    /// the runner's assembly (tests load the runner as a library).
    /// </summary>
    internal static (string FileName, IReadOnlyList<string> Arguments) WorkerCommand(string job)
    {
        string dll = typeof(NotebookWorker).Assembly.Location;
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == Path.GetFileNameWithoutExtension(dll))
            return (self, [NotebookWorker.Switch, job]);
        if (!File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
            throw new InvalidOperationException($"Cannot start notebook workers: {Path.ChangeExtension(dll, ".runtimeconfig.json")} is missing next to the runner.");
        string host = self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath
            : "dotnet";
        return (host, [dll, NotebookWorker.Switch, job]);
    }

    /// <summary>The last 64 KB of a stream's lines.</summary>
    private sealed class TailBuffer
    {
        private const int Limit = 64 * 1024;
        private readonly StringBuilder _text = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (_text)
            {
                _text.Append(line).Append('\n');
                if (_text.Length > Limit) _text.Remove(0, _text.Length - Limit);
            }
        }

        public string Text { get { lock (_text) return _text.ToString(); } }
    }
}
