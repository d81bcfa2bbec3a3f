using System.CommandLine;
using LotteryTickets.Cli;

namespace LotteryTickets.Tests.Cli;

/// <summary>The option kinds and the refusals every console program shares (src/LotteryTickets.Cli).</summary>
public class ConsoleOptionsTests
{
    private enum Form { Gather, Dense }

    private sealed class Options
    {
        public readonly Option<int?> N = ConsoleOptions.Int("n"), Threads = ConsoleOptions.Int("threads", min: 1, max: 8);
        public readonly Option<double?> Eps = ConsoleOptions.Number("eps");
        public readonly Option<int[]?> Batch = ConsoleOptions.Ints("batch");
        public readonly Option<Form[]?> Forms = ConsoleOptions.Enums<Form>("form");
        public readonly Option<Form?> One = ConsoleOptions.Choice<Form>("one");
        public readonly Option<string?> Flip = ConsoleOptions.TrueOrFalse("flip");

        public RootCommand Root() => new() { N, Threads, Eps, Batch, Forms, One, Flip };
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var options = new Options();
        var root = options.Root();
        root.SetAction(r =>
        {
            r.InvocationConfiguration.Output.Write($"n={r.GetValue(options.N)}");
            return ConsoleProgram.Success;
        });
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ConsoleProgram.Run(root, args, "usage: test", output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ReadsPairsListsAndFallbacks()
    {
        var o = new Options();
        var result = o.Root().Parse(["--n", "24", "--eps", "1e-3", "--batch", "1,16, 128", "--form", "dense,GATHER", "--one", "dense", "--flip", "False"]);
        Assert.Empty(result.Errors);
        Assert.Equal(24, result.GetValue(o.N));
        Assert.Equal(1e-3, result.GetValue(o.Eps));
        Assert.Equal([1, 16, 128], result.OptionalValue(o.Batch)!);
        Assert.Equal([Form.Dense, Form.Gather], result.OptionalValue(o.Forms)!);
        Assert.Equal(Form.Dense, result.GetValue(o.One));
        Assert.False(ConsoleOptions.IsTrue(result.GetValue(o.Flip), fallback: true));
        var empty = o.Root().Parse([]);
        Assert.Equal(7, empty.GetValue(o.N) ?? 7);
        Assert.Null(empty.GetValue(o.N));
        Assert.Null(empty.OptionalValue(o.Batch));
        Assert.True(ConsoleOptions.IsTrue(empty.GetValue(o.Flip), fallback: true));
        Assert.Equal((0, "n=3", ""), Run("--n", "3"));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("--n", "lots", "--help")]
    public void HelpPrintsTheUsageAndSucceeds(params string[] args) =>
        Assert.Equal((ConsoleProgram.Success, "usage: test" + Environment.NewLine, ""), Run(args));

    [Fact]
    public void AValueSpelledHelpIsAValue()
    {
        var output = ConsoleOptions.Text("out");
        var root = new RootCommand { output };
        root.SetAction(r => { r.InvocationConfiguration.Output.Write($"out={r.GetValue(output)}"); return ConsoleProgram.Success; });
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        int code = ConsoleProgram.Run(root, ["--out", "help"], "usage: test", stdout, stderr);

        Assert.Equal((ConsoleProgram.Success, "out=help", ""), (code, stdout.ToString(), stderr.ToString()));
    }

    [Theory]
    [InlineData(new[] { "--n" }, "--n needs a value (options come as --name value pairs).")]
    [InlineData(new[] { "n", "3" }, "options come as --name value pairs; got 'n'.")]
    [InlineData(new[] { "--m", "3" }, "unknown option --m; the options are: --n, --threads, --eps, --batch, --form, --one, --flip.")]
    [InlineData(new[] { "--n", "1", "--n", "2" }, "--n is given 2 times; give it once.")]
    [InlineData(new[] { "--n", "lots" }, "--n takes an integer; got 'lots'.")]
    [InlineData(new[] { "--eps", "tiny" }, "--eps takes a number; got 'tiny'.")]
    [InlineData(new[] { "--batch", "1,x" }, "--batch takes an integer; got 'x'.")]
    [InlineData(new[] { "--form", "dense,sparse" }, "--form takes gather, dense; got 'sparse'.")]
    [InlineData(new[] { "--one", "gather,dense" }, "--one takes one value; got 2.")]
    [InlineData(new[] { "--flip", "maybe" }, "--flip takes true or false; got 'maybe'.")]
    [InlineData(new[] { "--threads", "0" }, "--threads must be between 1 and 8; got 0.")]
    public void RefusalsAreOneLineNamingTheOptionAndTheValueWithExitCode2(string[] args, string message) =>
        Assert.Equal((ConsoleProgram.BadInput, "", $"error: {message}{Environment.NewLine}"), Run(args));

    [Fact]
    public void ValuesThatDoNotParseAreAllReported()
    {
        var errors = new Options().Root().Parse(["--n", "lots", "--eps", "tiny", "--form", "sparse"]).Errors.Select(e => e.Message).ToArray();
        Assert.Contains("--n takes an integer; got 'lots'.", errors);
        Assert.Contains(errors, e => e.Contains("--eps takes a number; got 'tiny'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--form takes gather, dense; got 'sparse'", StringComparison.Ordinal));
    }

    [Fact]
    public void AnActionsRefusalIsOneLineToo()
    {
        var root = new RootCommand();
        root.SetAction(int (_) => throw new ArgumentOutOfRangeException("x", 5, "x must be small; got 5."));
        var error = new StringWriter();
        Assert.Equal(ConsoleProgram.BadInput, ConsoleProgram.Run(root, [], "usage", new StringWriter(), error));
        Assert.Equal("error: x must be small; got 5." + Environment.NewLine, error.ToString());
    }
}
