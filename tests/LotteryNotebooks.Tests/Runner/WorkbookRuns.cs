using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>
/// Runs each workbook notebook through the runner at most once per test process, into
/// artifacts/test-runs/workbook, so that the tests checking it (cells, charts) share one run whatever order
/// they run in.
/// </summary>
internal static class WorkbookRuns
{
    private static readonly Dictionary<string, Task<NotebookRunResult>> Runs = new(StringComparer.Ordinal);

    public static string OutputFolder => Path.Combine(Repository.Root, "artifacts", "test-runs", "workbook");

    public static Task<NotebookRunResult> RunAsync(string notebook)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(notebook, out var run))
                Runs[notebook] = run = NotebookRunner.RunAsync(Path.Combine(Repository.NotebooksFolder, notebook),
                    new NotebookRunOptions { OutputFolder = OutputFolder });
            return run;
        }
    }
}
