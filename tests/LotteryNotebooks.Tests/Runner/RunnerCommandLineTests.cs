using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>The runner's command line, parsed in process (nothing runs).</summary>
public class RunnerCommandLineTests
{
    [Fact]
    public void ReadsNotebooksOptionsAndDefaults()
    {
        var command = RunnerCommandLine.Parse(["notebooks/0*.ipynb", "--set", "n=24", "--set", "eps=1e-3", "b.ipynb", "--set", "n=25",
            "--cell-timeout", "90", "--output", "out", "--solutions", "c.ipynb"]);
        Assert.Equal(["notebooks/0*.ipynb", "b.ipynb", "c.ipynb"], command.Notebooks);
        // A name set twice keeps its last value, as before.
        Assert.Equal(new Dictionary<string, string> { ["n"] = "25", ["eps"] = "1e-3" }, command.Parameters);
        Assert.Equal(TimeSpan.FromSeconds(90), command.CellTimeout);
        Assert.Equal("out", command.OutputFolder);
        Assert.True(command.Solutions);
        Assert.False(command.StandalonePages);
        Assert.False(command.Help);

        var defaults = RunnerCommandLine.Parse([]);
        Assert.Empty(defaults.Notebooks);
        Assert.Empty(defaults.Parameters);
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.CellTimeout);
        Assert.Null(defaults.OutputFolder);
        Assert.False(defaults.Solutions || defaults.StandalonePages || defaults.Help);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("a.ipynb", "--cell-timeout", "x", "--help")]
    public void HelpIsAskedFor(params string[] args) => Assert.True(RunnerCommandLine.Parse(args).Help);

    [Theory]
    [InlineData("--set takes NAME=VALUE (a C# expression); got 'n'.", "--set", "n")]
    [InlineData("--set 1n=2: '1n' is not a C# identifier.", "--set", "1n=2")]
    [InlineData("--set needs a value.", "a.ipynb", "--set")]
    [InlineData("Unknown option '--frobnicate' (see --help).", "--frobnicate")]
    [InlineData("Unknown option '-x' (see --help).", "a.ipynb", "-x")]
    [InlineData("--cell-timeout takes seconds between 0 and 86400; got '-3'.", "--cell-timeout", "-3")]
    [InlineData("--cell-timeout takes seconds between 0 and 86400; got 'soon'.", "--cell-timeout", "soon")]
    [InlineData("--cell-timeout needs a value.", "--cell-timeout")]
    [InlineData("--output needs a folder; got an empty value.", "--output", " ")]
    [InlineData("--output is given 2 times; give it once.", "--output", "a", "--output", "b")]
    public void BadInputIsOneLineNamingTheOptionAndTheValue(string message, params string[] args) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => RunnerCommandLine.Parse(args)).Message);
}
