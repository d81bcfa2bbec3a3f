using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Runner;

public class NotebookRunnerTests
{
    private static NotebookRunOptions Options(string test) => new() { OutputFolder = Repository.OutputFolder(test) };

    private static JsonArray Cells(string executedPath) => (JsonArray)JsonNode.Parse(File.ReadAllText(executedPath))!["cells"]!;

    [Fact]
    public async Task FailingCellIsNamedAndStopsTheNotebook()
    {
        string path = Repository.TestNotebook("failing.ipynb");
        string before = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

        var result = await NotebookRunner.RunAsync(path, Options("failing"));

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Failure!.Cell);
        Assert.StartsWith("throw new InvalidOperationException", result.Failure.FirstLine);
        Assert.Contains("deliberate failure", result.Failure.Message);
        var cells = Cells(result.ExecutedPath);
        Assert.Equal("stream", cells[1]!["outputs"]![0]!["output_type"]!.GetValue<string>());
        Assert.Contains("answer is 42", cells[1]!["outputs"]![0]!["text"]!.ToJsonString());
        Assert.Equal("display_data", cells[2]!["outputs"]![0]!["output_type"]!.GetValue<string>());
        Assert.Equal("error", cells[3]!["outputs"]![0]!["output_type"]!.GetValue<string>());
        Assert.Empty(cells[4]!["outputs"]!.AsArray());
        Assert.Equal(before, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Fact]
    public void CommandLineExitsNonZeroNamingNotebookCellAndError()
    {
        string output = Repository.OutputFolder("failing-cli");
        var outcome = RunnerProcess.Run(Repository.TestNotebook("failing.ipynb"), "--output", output);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("failing.ipynb", outcome.Error);
        Assert.Contains("cell 4", outcome.Error);
        Assert.Contains("throw new InvalidOperationException", outcome.Error);
        Assert.Contains("deliberate failure", outcome.Error);
        Assert.Matches(@"failing\.ipynb\s+3 cells\s+[\d.]+ s\s+failed", outcome.Output);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "run-summary.json")))!["notebooks"]![0]!;
        Assert.Equal("failed", summary["status"]!.GetValue<string>());
        Assert.Equal(4, summary["firstError"]!["cell"]!.GetValue<int>());
        Assert.Equal(3, summary["cells"]!.GetValue<int>());
    }

    [Fact]
    public async Task ParametersAreInjectedAfterTheTaggedCellKeepingTheirTypes()
    {
        var options = Options("parameters") with
        {
            Parameters = new Dictionary<string, string> { ["n"] = "24", ["eps"] = "1", ["label"] = "\"set\"" },
        };
        var result = await NotebookRunner.RunAsync(Repository.TestNotebook("parameters.ipynb"), options);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var cells = Cells(result.ExecutedPath);
        Assert.Contains("injected-parameters", cells[2]!["metadata"]!["tags"]!.ToJsonString());
        Assert.Contains("n=24 eps=1 label=set type=Double", cells[3]!["outputs"]![0]!["text"]!.ToJsonString());
        // The kernel's current directory is the notebook's folder, as in Jupyter and VS Code.
        Assert.Contains(Path.Combine("tests", "LotteryNotebooks.Tests", "Notebooks").Replace("\\", "\\\\"), cells[4]!["outputs"]![0]!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task UnknownParameterIsRejectedNamingTheKnownOnes()
    {
        var options = Options("unknown-parameter") with { Parameters = new Dictionary<string, string> { ["m"] = "1" } };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => NotebookRunner.RunAsync(Repository.TestNotebook("parameters.ipynb"), options));
        Assert.Contains("no parameter 'm'", e.Message);
        Assert.Contains("n, eps, label", e.Message);
    }

    [Fact]
    public async Task SlowCellTimesOutWithAClearMessage()
    {
        var options = Options("timeout") with { CellTimeout = TimeSpan.FromSeconds(8) };
        var result = await NotebookRunner.RunAsync(Repository.TestNotebook("slow.ipynb"), options);
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Failure!.Cell);
        Assert.Contains("per-cell timeout of 8 s", result.Failure.Message);
        Assert.True(result.Seconds < 40, $"the runner waited {result.Seconds:F1} s");
    }

    [Fact]
    public async Task KernelExtensionsFromPackagesAreLoaded()
    {
        var result = await NotebookRunner.RunAsync(Repository.TestNotebook("extension.ipynb"), Options("extension"));
        Assert.True(result.Succeeded, result.Failure?.ToString());
        var chartOutput = Cells(result.ExecutedPath)[2]!["outputs"]![0]!;
        Assert.Equal("execute_result", chartOutput["output_type"]!.GetValue<string>());
        // Plotly.NET.Interactive's formatter (registered by its extension) renders GenericChart as a plotly div.
        Assert.Contains("Plotly.newPlot", chartOutput["data"]!["text/html"]!.ToJsonString());
    }

    [Theory]
    [InlineData("missing", "Notebook not found")]
    [InlineData("glob", "No notebook matches")]
    [InlineData("malformed", "not a valid notebook")]
    [InlineData("unknown-set", "no parameter 'nope'")]
    [InlineData("bad-set", "--set takes NAME=VALUE")]
    [InlineData("bad-option", "Unknown option '--frobnicate'")]
    [InlineData("bad-timeout", "--cell-timeout takes seconds")]
    public void BadInputGivesOneLineAndExitCode2(string kind, string expected)
    {
        string[] args = kind switch
        {
            "missing" => ["notebooks/does-not-exist.ipynb"],
            "glob" => ["notebooks/99-*.ipynb"],
            "malformed" => [Repository.TestNotebook("malformed.ipynb")],
            "unknown-set" => [Repository.TestNotebook("parameters.ipynb"), "--set", "nope=1"],
            "bad-set" => [Repository.TestNotebook("parameters.ipynb"), "--set", "n"],
            "bad-option" => ["--frobnicate"],
            "bad-timeout" => ["--cell-timeout", "-3"],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var outcome = RunnerProcess.Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error);
        Assert.Single(outcome.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", outcome.Error);
    }
}
