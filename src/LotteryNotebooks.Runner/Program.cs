using System.Text.Json;
using System.Text.Json.Nodes;
using LotteryNotebooks.Runner;
using LotteryTickets.Workbook;

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
    // Validate every notebook and every --set before running anything.
    foreach (var path in notebooks)
    {
        var notebook = NotebookDocument.Load(path);
        if (command.Parameters.Count > 0) notebook.Clone().InjectParameters(command.Parameters);
        if (command.Solutions) ExerciseSolutions.Merge(notebook.Clone());
    }

    Console.WriteLine(LibraryBuild.EnsureBuilt(environment.Root, environment.Library));
    string output = Path.GetFullPath(command.OutputFolder ?? Path.Combine(environment.ArtifactsFolder, command.Solutions ? "solutions" : "notebooks"));
    Console.WriteLine($"Running {notebooks.Count} notebook(s); executed copies and pages go to {output}");
    var options = new NotebookRunOptions { OutputFolder = output, Parameters = command.Parameters, CellTimeout = command.CellTimeout, Solutions = command.Solutions };
    var results = new List<NotebookRunResult>();
    foreach (var path in notebooks)
    {
        var result = await NotebookRunner.RunAsync(path, options);
        results.Add(result);
        Console.WriteLine(result);
    }
    // The workbook's run goes to artifacts/run-summary.json; a run with its own --output keeps its summary there.
    string summary = command.OutputFolder is null && !command.Solutions ? Path.Combine(environment.ArtifactsFolder, "run-summary.json") : Path.Combine(output, "run-summary.json");
    RunSummary.Write(summary, results);
    var failed = results.Where(r => !r.Succeeded).ToArray();
    foreach (var f in failed) Console.Error.WriteLine($"FAILED {f.Notebook} {f.Failure}");
    Console.WriteLine($"{results.Count - failed.Length} of {results.Count} notebooks ok in {results.Sum(r => r.Seconds):F1} s; summary: {summary}");
    return failed.Length == 0 ? 0 : 1;
}
catch (Exception e) when (e is UsageException or NotebookFormatException or FileNotFoundException or InvalidDataException or ArgumentException or InvalidOperationException)
{
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
