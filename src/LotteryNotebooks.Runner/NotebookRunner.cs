using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Executes a notebook cell by cell in an in-process C# kernel, with the notebook's folder as the current
/// directory, and writes the executed notebook and a standalone HTML page. The source notebook is never
/// modified. Kernel state (formatters, current directory) is process-wide, so notebooks run one at a time.
/// </summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs one notebook; never throws for a failing cell (the result says which failed).</summary>
    public static async Task<NotebookRunResult> RunAsync(string notebookPath, NotebookRunOptions options)
    {
        var source = NotebookDocument.Load(notebookPath);
        var notebook = source.Clone();
        if (options.Solutions) ExerciseSolutions.Merge(notebook);
        notebook.InjectParameters(options.Parameters);

        string name = Path.GetFileNameWithoutExtension(notebook.FileName);
        string executedPath = Path.Combine(options.OutputFolder, name + ".ipynb");
        string htmlPath = Path.Combine(options.OutputFolder, name + ".html");

        await OneAtATime.WaitAsync();
        string previousDirectory = Directory.GetCurrentDirectory();
        var clock = Stopwatch.StartNew();
        CellFailure? failure = null;
        int executed = 0;
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(notebook.Path)!);
            using var kernel = NotebookKernel.Create();
            var extensionRoots = new HashSet<string>();
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = (JsonObject)notebook.Cells[i]!;
                if (cell["cell_type"]!.GetValue<string>() != "code") continue;
                if (failure is not null)
                {
                    // Jupyter stops at the first error; later cells keep no outputs.
                    cell["outputs"] = new JsonArray();
                    cell["execution_count"] = null;
                    continue;
                }
                string code = NotebookDocument.SourceOf(cell);
                executed++;
                var outputs = new JupyterOutputs();
                var cellClock = Stopwatch.StartNew();
                string language = NotebookDocument.LanguageOf(cell);
                if (language is not ("csharp" or "C#"))
                {
                    outputs.Fail("UnsupportedLanguage", $"Only C# cells can run here; this cell's language is '{language}'.");
                }
                else if (!string.IsNullOrWhiteSpace(code))
                {
                    await RunCellAsync(kernel, code, outputs, executed, options.CellTimeout, extensionRoots);
                }
                cell["outputs"] = outputs.Outputs;
                cell["execution_count"] = executed;
                options.CellProgress?.Invoke($"{notebook.FileName}: cell {i + 1}/{notebook.Cells.Count} {cellClock.Elapsed.TotalSeconds:F1} s");
                if (outputs.Error is not null) failure = new CellFailure(i + 1, FirstLine(code), FirstLine(outputs.Error));
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            OneAtATime.Release();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        RelativeLinks.Rebase(notebook, Path.GetDirectoryName(source.Path)!, options.OutputFolder);
        notebook.Save(executedPath);
        HtmlPage.Write(notebook, htmlPath, title: name);
        return new NotebookRunResult(notebook.FileName, source.Path, executedPath, htmlPath, executed, seconds, failure);
    }

    private static async Task RunCellAsync(Kernel kernel, string code, JupyterOutputs outputs, int executionCount, TimeSpan timeout, ISet<string> extensionRoots)
    {
        var subscription = kernel.KernelEvents.Subscribe(e => outputs.Add(e, executionCount));
        var run = kernel.SendAsync(new SubmitCode(code));
        var finished = await Task.WhenAny(run, Task.Delay(timeout));
        if (finished != run)
        {
            // Record the timeout first and stop listening, so the kernel's "Command cancelled" is not taken for the cause.
            outputs.Fail("TimeoutException",
                $"The cell ran longer than the per-cell timeout of {timeout.TotalSeconds:F0} s and was cancelled " +
                "(raise it with --cell-timeout SECONDS, or lower the notebook's parameters).");
            subscription.Dispose();
            await kernel.SendAsync(new Cancel());
            return;
        }
        subscription.Dispose();
        var result = await run;
        await NotebookKernel.LoadExtensionsAsync(kernel, result.Events, extensionRoots);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 120 ? line[..117] + "..." : line;
    }
}
