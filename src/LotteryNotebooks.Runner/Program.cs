using LotteryNotebooks.Runner;
using LotteryTickets.Workbook;

// Worker mode: run one notebook in this process (started by the runner below, one process per notebook).
if (args is [NotebookWorker.Switch, var job]) return await NotebookWorker.RunAsync(job);

try
{
    var command = RunnerCommandLine.Parse(args);
    if (command.Help)
    {
        Console.WriteLine(RunnerCommandLine.Usage);
        return 0;
    }
    var environment = WorkbookEnvironment.Load(FindRoot());
    string notebooksFolder = Path.Combine(environment.Root, "notebooks");
    var notebooks = command.Notebooks.Count > 0
        ? RunnerCommandLine.Expand(command.Notebooks, Directory.GetCurrentDirectory())
        : RunnerCommandLine.Expand(environment.Notebooks, notebooksFolder);
    // Validate every notebook, every --set and the output before running anything.
    foreach (var path in notebooks)
    {
        var notebook = NotebookDocument.Load(path);
        if (command.Parameters.Count > 0) notebook.Clone().InjectParameters(command.Parameters);
        if (command.Solutions) ExerciseSolutions.Merge(notebook.Clone());
    }
    var output = RunOutput.Plan(command, environment);
    output.Check(notebooks, notebooksFolder);
    using var runLock = RunLock.Acquire(output.Folder, "LotteryNotebooks.Runner " + string.Join(' ', args));

    Console.WriteLine(LibraryBuild.EnsureBuilt(environment.Root, environment.Library, Console.WriteLine));
    Console.WriteLine($"Running {notebooks.Count} notebook(s); executed copies and pages go to {output.Folder}");
    if (output.WhatIf)
        Console.WriteLine($"(a what-if run with {string.Join(", ", command.Parameters.Select(p => $"{p.Key}={p.Value}"))}: " +
                          "kept apart from the default run's pages; --output DIR chooses another folder)");
    var options = new NotebookRunOptions
    {
        OutputFolder = output.Folder,
        Parameters = command.Parameters,
        CellTimeout = command.CellTimeout,
        Solutions = command.Solutions,
        StandalonePages = command.StandalonePages,
    };
    var results = new List<NotebookRunResult>();
    RunSummary.Update? update = null;
    foreach (var path in notebooks)
    {
        // The name first, so that a long notebook shows what is running; the rest of the line when it is done.
        Console.Write($"{Path.GetFileName(path),-44} ");
        Console.Out.Flush();
        var result = await NotebookRunner.RunAsync(path, options);
        results.Add(result);
        Console.WriteLine(result.Line(withName: false));
        // The summary is rewritten after every notebook, so that it describes the pages on disk even if the run is stopped.
        update = RunSummary.Merge(output.SummaryPath, results);
    }
    if (update?.Unreadable is { } unreadable) Console.Error.WriteLine($"note: {unreadable}.");
    foreach (var replaced in update?.ReplacedParameters ?? [])
        Console.WriteLine($"note: replaced the pages of {replaced} in {output.Folder}.");
    var failed = results.Where(r => !r.Succeeded).ToArray();
    foreach (var f in failed) Console.Error.WriteLine($"FAILED {f.Notebook} {f.Failure}");
    string earlier = update is { Earlier.Count: > 0 } ? $" (it also lists {update.Earlier.Count} from earlier runs)" : "";
    Console.WriteLine($"{results.Count - failed.Length} of {results.Count} notebooks ok in {results.Sum(r => r.Seconds):F1} s; summary: {output.SummaryPath}{earlier}");
    return failed.Length == 0 ? 0 : 1;
}
catch (Exception e) when (e is UsageException or NotebookFormatException or FileNotFoundException or InvalidDataException or ArgumentException
                              or InvalidOperationException or IOException or UnauthorizedAccessException)
{
    Console.Out.Flush();
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

// environment.json sits at the repository's top: look up from the current folder, then from the runner's own folder.
static string FindRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, WorkbookEnvironment.FileName))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
