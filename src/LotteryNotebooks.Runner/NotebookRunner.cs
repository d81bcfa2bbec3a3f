using System.Diagnostics;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Executes a notebook cell by cell in a C# kernel of its own process (a worker, see <see cref="NotebookWorker"/>), with
/// the notebook's folder as the current directory, and writes the executed notebook and its HTML page. The source notebook
/// is never modified. A cell that fails, outlasts the per-cell timeout or brings its process down (stack overflow,
/// <c>Environment.Exit</c>) fails the notebook with its cause; the executed notebook and the page are still written, with
/// every output recorded until then.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs one notebook; never throws for a failing, hanging or crashing cell (the result says which failed and why).</summary>
    /// <exception cref="ArgumentException">A --set names no parameter of the notebook, or it has no parameters cell.</exception>
    /// <exception cref="NotebookFormatException">The notebook cannot be read.</exception>
    public static async Task<NotebookRunResult> RunAsync(string notebookPath, NotebookRunOptions options)
    {
        var source = NotebookDocument.Load(notebookPath);
        var notebook = source.Clone();
        if (options.Solutions) ExerciseSolutions.Merge(notebook);
        notebook.InjectParameters(options.Parameters);

        string name = Path.GetFileNameWithoutExtension(notebook.FileName);
        string executedPath = Path.Combine(options.OutputFolder, name + ".ipynb");
        string htmlPath = Path.Combine(options.OutputFolder, name + ".html");

        var clock = Stopwatch.StartNew();
        var (executed, failure) = await WorkerProcess.RunAsync(notebook, Path.GetDirectoryName(source.Path)!, options.CellTimeout, options.CellProgress);
        double seconds = clock.Elapsed.TotalSeconds;
        RelativeLinks.Rebase(notebook, Path.GetDirectoryName(source.Path)!, options.OutputFolder);
        notebook.Save(executedPath);
        HtmlPage.Write(notebook, htmlPath, title: name, standalone: options.StandalonePages);
        return new NotebookRunResult(notebook.FileName, source.Path, executedPath, htmlPath, executed, seconds, failure, options.Parameters);
    }
}
