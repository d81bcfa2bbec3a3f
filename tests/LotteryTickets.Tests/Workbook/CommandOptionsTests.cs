using LotteryTickets.Workbook;

namespace LotteryTickets.Tests;

public class CommandOptionsTests
{
    private static readonly string[] Known = ["n", "eps", "batch", "form"];

    private enum Form { Gather, Dense }

    [Fact]
    public void ReadsPairsListsAndFallbacks()
    {
        var options = CommandOptions.Parse(["--n", "24", "--eps", "1e-3", "--batch", "1,16, 128", "--form", "dense,GATHER"], Known);
        Assert.False(options.Help);
        Assert.Equal(24, options.Int("n", 0));
        Assert.Equal(1e-3, options.Double("eps", 0));
        Assert.Equal([1, 16, 128], options.Ints("batch", []));
        Assert.Equal([Form.Dense, Form.Gather], options.Enums("form", [Form.Gather]));
        Assert.Equal(7, CommandOptions.Parse([], Known).Int("n", 7));
        Assert.Null(CommandOptions.Parse([], Known).OptionalInt("n"));
        Assert.True(CommandOptions.Parse(["--help"], Known).Help);
    }

    [Theory]
    [InlineData(new[] { "--n" }, "options come as --name value pairs")]
    [InlineData(new[] { "n", "3" }, "options come as --name value pairs")]
    [InlineData(new[] { "--m", "3" }, "unknown option --m")]
    public void MalformedArgumentsAreRejected(string[] args, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => CommandOptions.Parse(args, Known)).Message);

    [Fact]
    public void ValuesThatDoNotParseNameTheOptionAndTheValue()
    {
        var options = CommandOptions.Parse(["--n", "lots", "--eps", "tiny", "--form", "sparse"], Known);
        Assert.Equal("--n takes an integer; got 'lots'.", Assert.Throws<ArgumentException>(() => options.Int("n", 1)).Message.Split(" (Parameter")[0]);
        Assert.Contains("--eps takes a number; got 'tiny'", Assert.Throws<ArgumentException>(() => options.Double("eps", 1)).Message);
        Assert.Contains("--form takes gather, dense; got 'sparse'", Assert.Throws<ArgumentException>(() => options.Enums("form", [Form.Gather])).Message);
    }
}
