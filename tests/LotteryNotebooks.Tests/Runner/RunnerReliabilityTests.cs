using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>
/// What the runner guarantees: sources are never modified, one failing, hanging or crashing notebook does not stop
/// the others, concurrent runs are safe, outputs are checked before anything runs, what-if runs keep apart from the
/// default run, and a folder's summary describes the pages on disk.
/// </summary>
public class RunnerReliabilityTests
{
    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static JsonArray SummaryEntries(string summaryPath) => JsonNode.Parse(File.ReadAllText(summaryPath))!["notebooks"]!.AsArray();

    private static JsonObject Entry(string summaryPath, string notebook) =>
        SummaryEntries(summaryPath).OfType<JsonObject>().Single(e => e["notebook"]!.GetValue<string>() == notebook);

    [Fact]
    public void An_output_that_would_overwrite_a_source_is_refused_before_running()
    {
        string folder = Repository.OutputFolder("overwrite-source");
        string source = Path.Combine(folder, "parameters.ipynb");
        File.Copy(Repository.TestNotebook("parameters.ipynb"), source);
        string before = Hash(source);

        var outcome = RunnerProcess.Run(source, "--output", folder);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("would overwrite", outcome.Error);
        Assert.Contains("parameters.ipynb", outcome.Error);
        Assert.Equal(before, Hash(source));
        Assert.DoesNotContain("cells", outcome.Output);
    }

    [Fact]
    public void The_workbook_notebooks_folder_is_never_an_output()
    {
        string stray = Path.Combine(Repository.NotebooksFolder, "parameters.ipynb");
        try
        {
            var outcome = RunnerProcess.Run(Repository.TestNotebook("parameters.ipynb"), "--output", "notebooks");
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("source notebooks", outcome.Error);
            Assert.False(File.Exists(stray));
        }
        finally
        {
            File.Delete(stray);
            File.Delete(Path.Combine(Repository.NotebooksFolder, "parameters.html"));
            File.Delete(Path.Combine(Repository.NotebooksFolder, "run-summary.json"));
        }
    }

    [Fact]
    public void One_failing_hanging_or_crashing_notebook_does_not_stop_the_others()
    {
        string output = Repository.OutputFolder("isolation");
        string inputs = Path.Combine(output, "inputs");
        string spin = GeneratedNotebook.Write(inputs, "a-spin.ipynb", "Console.WriteLine(\"spinning\");", "long x = 0; while (true) { x++; }");
        string stack = GeneratedNotebook.Write(inputs, "b-stack.ipynb", "Console.WriteLine(\"before\");", "void F(int i) => F(i + 1);\nF(0);");
        string exit = GeneratedNotebook.Write(inputs, "c-exit.ipynb", "Environment.Exit(3);");
        string fails = Repository.TestNotebook("failing.ipynb");
        string good = Repository.TestNotebook("parameters.ipynb");

        var outcome = RunnerProcess.Run(spin, stack, exit, fails, good, "--cell-timeout", "6", "--output", output);

        Assert.Equal(1, outcome.ExitCode);
        // One line per notebook, with time, and the tally.
        Assert.Matches(@"a-spin\.ipynb\s+2 cells\s+[\d.]+ s\s+failed", outcome.Output);
        Assert.Matches(@"b-stack\.ipynb\s+2 cells\s+[\d.]+ s\s+failed", outcome.Output);
        Assert.Matches(@"c-exit\.ipynb\s+1 cells\s+[\d.]+ s\s+failed", outcome.Output);
        Assert.Matches(@"failing\.ipynb\s+3 cells\s+[\d.]+ s\s+failed", outcome.Output);
        Assert.Matches(@"parameters\.ipynb\s+\d+ cells\s+[\d.]+ s\s+ok", outcome.Output);
        Assert.Contains("1 of 5 notebooks ok", outcome.Output);
        // Each failure says what happened.
        Assert.Contains("per-cell timeout of 6 s", outcome.Error);
        Assert.Contains("stack overflow", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("exited with code 3", outcome.Error);
        Assert.Contains("deliberate failure", outcome.Error);

        string summary = Path.Combine(output, "run-summary.json");
        Assert.Equal("timeout", Entry(summary, "a-spin.ipynb")["firstError"]!["kind"]!.GetValue<string>());
        Assert.Equal("crash", Entry(summary, "b-stack.ipynb")["firstError"]!["kind"]!.GetValue<string>());
        Assert.Equal(3, Entry(summary, "b-stack.ipynb")["firstError"]!["cell"]!.GetValue<int>());
        Assert.Equal("crash", Entry(summary, "c-exit.ipynb")["firstError"]!["kind"]!.GetValue<string>());
        Assert.Equal("error", Entry(summary, "failing.ipynb")["firstError"]!["kind"]!.GetValue<string>());
        Assert.Equal("ok", Entry(summary, "parameters.ipynb")["status"]!.GetValue<string>());
        foreach (var name in new[] { "a-spin", "b-stack", "c-exit", "failing", "parameters" })
        {
            Assert.True(File.Exists(Path.Combine(output, name + ".html")), $"no page for {name}");
            Assert.True(File.Exists(Path.Combine(output, name + ".ipynb")), $"no executed copy of {name}");
        }
        // The crashed notebook's page keeps what ran before the crash and says why it stopped.
        string page = File.ReadAllText(Path.Combine(output, "b-stack.html"));
        Assert.Contains("before", page);
        Assert.Contains("Stack overflow", page);
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "a-spin.ipynb")))!["cells"]!.AsArray();
        Assert.Contains("spinning", executed[1]!["outputs"]!.ToJsonString());
        Assert.Equal("error", executed[2]!["outputs"]![0]!["output_type"]!.GetValue<string>());
    }

    [Fact]
    public void A_second_run_on_the_same_folder_is_refused_while_the_first_writes_there()
    {
        string output = Repository.OutputFolder("concurrent");
        string slow = GeneratedNotebook.Write(Path.Combine(output, "inputs"), "sleeper.ipynb", "await Task.Delay(4000);", "Console.WriteLine(\"woke\");");

        var first = RunnerProcess.Start(slow, "--output", output);
        int firstId = first.Id;
        first.WaitFor("Running 1 notebook", TimeSpan.FromMinutes(2));
        var second = RunnerProcess.Run(Repository.TestNotebook("parameters.ipynb"), "--output", output);
        var firstOutcome = first.Finish();

        Assert.Equal(2, second.ExitCode);
        Assert.Contains("another runner", second.Error);
        Assert.Contains($"pid {firstId}", second.Error);
        Assert.Equal(0, firstOutcome.ExitCode);
        string summary = Path.Combine(output, "run-summary.json");
        var entries = SummaryEntries(summary);
        Assert.Single(entries);
        Assert.Equal("sleeper.ipynb", entries[0]!["notebook"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(output, "parameters.html")));
        // No temporary files are left behind by the atomic writes.
        Assert.Empty(Directory.GetFiles(output, "*.tmp*"));
    }

    [Fact]
    public void Outputs_are_checked_before_anything_runs()
    {
        string folder = Repository.OutputFolder("bad-output");
        string file = Path.Combine(folder, "a-file");
        File.WriteAllText(file, "not a folder");

        var onFile = RunnerProcess.Run(Repository.TestNotebook("parameters.ipynb"), "--output", file);
        Assert.Equal(2, onFile.ExitCode);
        Assert.Contains("is a file", onFile.Error);
        Assert.DoesNotContain("cells", onFile.Output);

        var underFile = RunnerProcess.Run(Repository.TestNotebook("parameters.ipynb"), "--output", Path.Combine(file, "sub"));
        Assert.Equal(2, underFile.ExitCode);
        Assert.Contains("--output", underFile.Error);
        Assert.DoesNotContain("cells", underFile.Output);
        Assert.Single(underFile.Error.Trim().Split('\n'));
    }

    [Fact]
    public void A_cell_whose_source_is_not_text_is_named_with_its_file()
    {
        string folder = Repository.OutputFolder("number-source");
        var cells = new JsonArray { GeneratedNotebook.Code("1 + 1") };
        var bad = GeneratedNotebook.Code("x");
        bad["source"] = 42;
        cells.Add(bad);
        string path = GeneratedNotebook.Save(folder, "number.ipynb", cells);

        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("cell 2", e.Message);
        Assert.Contains("source", e.Message);

        var outcome = RunnerProcess.Run(path, "--output", folder);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("cell 2", outcome.Error);
        Assert.Single(outcome.Error.Trim().Split('\n'));
    }

    [Fact]
    public void A_what_if_run_keeps_apart_from_the_default_run()
    {
        var environment = Repository.Environment;
        string defaultSummary = Path.Combine(environment.ArtifactsFolder, "run-summary.json");
        string defaultPage = Path.Combine(environment.ArtifactsFolder, "notebooks", "parameters.html");
        string? summaryBefore = File.Exists(defaultSummary) ? Hash(defaultSummary) : null;
        string? pageBefore = File.Exists(defaultPage) ? Hash(defaultPage) : null;
        string whatIf = Path.Combine(environment.ArtifactsFolder, "what-if", "n=5");
        if (Directory.Exists(whatIf)) Directory.Delete(whatIf, recursive: true);
        try
        {
            var outcome = RunnerProcess.Run(Repository.TestNotebook("parameters.ipynb"), "--set", "n=5");

            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("what-if", outcome.Output);
            Assert.Contains(whatIf, outcome.Output);
            Assert.True(File.Exists(Path.Combine(whatIf, "parameters.html")));
            var entry = Entry(Path.Combine(whatIf, "run-summary.json"), "parameters.ipynb");
            Assert.Equal("5", entry["parameters"]!["n"]!.GetValue<string>());
            Assert.Equal(summaryBefore, File.Exists(defaultSummary) ? Hash(defaultSummary) : null);
            Assert.Equal(pageBefore, File.Exists(defaultPage) ? Hash(defaultPage) : null);
        }
        finally
        {
            if (Directory.Exists(whatIf)) Directory.Delete(whatIf, recursive: true);
        }
    }

    [Fact]
    public void A_folder_summary_describes_every_page_on_disk_after_partial_runs()
    {
        string output = Repository.OutputFolder("merged-summary");
        string inputs = Path.Combine(output, "inputs");
        string one = GeneratedNotebook.Write(inputs, "one.ipynb", "Console.WriteLine(1);");
        string two = GeneratedNotebook.Write(inputs, "two.ipynb", "Console.WriteLine(2);");

        Assert.Equal(0, RunnerProcess.Run(one, "--output", output).ExitCode);
        var second = RunnerProcess.Run(two, "--output", output);
        Assert.Equal(0, second.ExitCode);

        string summary = Path.Combine(output, "run-summary.json");
        var entries = SummaryEntries(summary).OfType<JsonObject>().ToArray();
        Assert.Equal(["one.ipynb", "two.ipynb"], entries.Select(e => e["notebook"]!.GetValue<string>()));
        foreach (var e in entries)
        {
            Assert.Equal(new FileInfo(e["html"]!.GetValue<string>()).Length, e["htmlBytes"]!.GetValue<long>());
            Assert.Equal(new FileInfo(e["executed"]!.GetValue<string>()).Length, e["executedBytes"]!.GetValue<long>());
        }
        Assert.Contains("1 from earlier runs", second.Output);
    }

    [Fact]
    public async Task Display_updates_are_recorded_with_their_final_value()
    {
        string folder = Repository.OutputFolder("display-updates");
        string path = GeneratedNotebook.Write(Path.Combine(folder, "inputs"), "updates.ipynb",
            "var status = display(\"first\");\nstatus.Update(\"second\");\nvar other = display(\"untouched\");",
            "await Task.Run(() => status.Update(\"from a thread\"));",
            "status.Update(\"final value\");");

        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { OutputFolder = folder });

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var cells = JsonNode.Parse(File.ReadAllText(result.ExecutedPath))!["cells"]!.AsArray();
        var outputs = cells[1]!["outputs"]!.AsArray();
        Assert.Equal(2, outputs.Count);
        Assert.Equal("final value", string.Concat(outputs[0]!["data"]!["text/plain"]!.AsArray().Select(l => l!.GetValue<string>())));
        Assert.Contains("untouched", outputs[1]!.ToJsonString());
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
        string page = File.ReadAllText(result.HtmlPath);
        Assert.Contains("final value", page);
        Assert.DoesNotContain(">first<", page);
    }

    [Fact]
    public void What_if_folders_are_named_by_their_parameters_and_never_shared()
    {
        Assert.Equal("seed=7", RunOutput.Label(new Dictionary<string, string> { ["seed"] = "7" }));
        Assert.Equal("n=24,eps=1e-3", RunOutput.Label(new Dictionary<string, string> { ["n"] = "24", ["eps"] = "1e-3" }));
        // Quotes, spaces and slashes are replaced; a hash keeps two such runs apart.
        string a = RunOutput.Label(new Dictionary<string, string> { ["label"] = "\"a b\"" });
        string b = RunOutput.Label(new Dictionary<string, string> { ["label"] = "\"a/b\"" });
        Assert.Matches(@"^label=_a_b_-[0-9a-f]{8}$", a);
        Assert.NotEqual(a, b);
        Assert.True(RunnerCommandLine.Parse(["--standalone-pages"]).StandalonePages);
        Assert.False(RunnerCommandLine.Parse([]).StandalonePages);
    }

    [Fact]
    public void The_library_build_says_what_it_does_before_it_starts()
    {
        string root = Repository.OutputFolder("library-build");
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        Directory.CreateDirectory(Path.Combine(root, "src", "LotteryTickets"));
        File.WriteAllText(Path.Combine(root, "src", "LotteryTickets", "Code.cs"), "// newer than the missing library");
        var said = new List<string>();

        var e = Assert.Throws<InvalidOperationException>(() => LibraryBuild.EnsureBuilt(root, "../lib/LotteryTickets.dll", said.Add));

        Assert.NotEmpty(said);
        Assert.Contains("Building the library", said[0]);
        Assert.Contains("does not exist", said[0]);
        Assert.Contains("failed", e.Message);
    }
}
