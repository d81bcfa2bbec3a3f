using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace LotteryNotebooks.Runner;

/// <summary>
/// The runner's worker mode (<c>--worker JOB</c>): runs one notebook in this process, in a fresh C# kernel, and reports
/// its events to the runner through the events file. One process per notebook keeps notebooks apart: whatever a cell
/// does to the process (a stack overflow, <c>Environment.Exit</c>, a loop that never ends, formatters or static state it
/// changes) ends with this process, and the runner records it and goes on with the next notebook.
/// </summary>
internal static class NotebookWorker
{
    /// <summary>The hidden command-line switch that starts worker mode.</summary>
    public const string Switch = "--worker";

    /// <summary>How often changed outputs are reported while a cell runs (progress displays update at this rate at most).</summary>
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(string jobPath)
    {
        var job = WorkerJob.Read(jobPath);
        ExitWhenTheRunnerExits();
        using var events = new WorkerEventWriter(job.Events);
        var notebook = NotebookDocument.Load(job.Notebook);
        using var kernel = NotebookKernel.Create();
        await NotebookKernel.PrepareAsync(kernel);
        var outputs = new NotebookOutputs();
        // One subscription for the whole notebook: a display updated after its cell ended (from a background task or a
        // later cell) is still recorded where it was shown.
        using var subscription = kernel.KernelEvents.Subscribe(outputs.Add);
        events.Write(WorkerEvent.Ready);

        using var reporting = new CancellationTokenSource();
        var reporter = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(ReportInterval);
            try { while (await timer.WaitForNextTickAsync(reporting.Token)) Report(outputs, events); }
            catch (OperationCanceledException) { }
        });

        var extensionRoots = new HashSet<string>();
        int executed = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = (JsonObject)notebook.Cells[i]!;
            if (NotebookDocument.CellTypeOf(cell) != "code") continue;
            executed++;
            outputs.BeginCell(i, executed);
            events.Write(WorkerEvent.Cell, cell: i, count: executed);
            string code = NotebookDocument.SourceOf(cell);
            string language = NotebookDocument.LanguageOf(cell);
            if (language is not ("csharp" or "C#"))
            {
                outputs.Fail("UnsupportedLanguage", $"Only C# cells can run here; this cell's language is '{language}'.");
            }
            else if (!string.IsNullOrWhiteSpace(code))
            {
                var result = await kernel.SendAsync(new SubmitCode(code));
                await NotebookKernel.LoadExtensionsAsync(kernel, result.Events, extensionRoots);
            }
            Report(outputs, events);
            string? error = outputs.Error;
            events.Write(WorkerEvent.End, cell: i, error: error ?? "");
            if (error is not null) break; // Jupyter stops at the first error.
        }
        await reporting.CancelAsync();
        await reporter;
        Report(outputs, events);
        events.Write(WorkerEvent.Finished);
        return 0;
    }

    // The periodic reporter and the main loop both report; taking the changes and writing them under one lock keeps the
    // reports in the order they were taken, so a return value is never written before a display that came first.
    private static readonly Lock ReportGate = new();

    private static void Report(NotebookOutputs outputs, WorkerEventWriter events)
    {
        lock (ReportGate)
        {
            foreach (var (cell, index, output) in outputs.TakeChanged())
                events.Write(WorkerEvent.Output, cell: cell, index: index, output: output);
        }
    }

    // The runner holds this process's standard input open; when the runner ends (even killed), the pipe closes and the
    // worker must not live on as an orphan.
    private static void ExitWhenTheRunnerExits()
    {
        var stdin = Console.OpenStandardInput();
        var thread = new Thread(() =>
        {
            var buffer = new byte[256];
            try { while (stdin.Read(buffer, 0, buffer.Length) > 0) { } }
            catch (IOException) { }
            Environment.Exit(70);
        }) { IsBackground = true, Name = "runner watch" };
        thread.Start();
    }
}
