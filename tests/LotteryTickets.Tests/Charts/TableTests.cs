using System.ComponentModel;
using LotteryTickets.Charts;

namespace LotteryTickets.Tests.Charts;

public class TableTests
{
    private sealed record Row(string Model, [property: DisplayName("speed-up (x)")] double SpeedUp, double MacRatio);

    [Theory]
    [InlineData("MacRatio", "MAC ratio")]
    [InlineData("IqrLow", "IQR low")]
    [InlineData("EffectiveMacsPerImage", "effective MACs per image")]
    [InlineData("MedianMs", "median (ms)")]
    [InlineData("SpeedUpOverFull", "speed-up over full")]
    [InlineData("DotNet", ".NET")]
    [InlineData("NonzeroParameters", "non-zero parameters")]
    [InlineData("GMACPerSecond", "GMAC per second")]
    [InlineData("InChannels", "in channels")]
    [InlineData("Relu", "ReLU")]
    public void PropertyNamesBecomeHeadersInWords(string property, string header) => Assert.Equal(header, Table.Header(property));

    [Fact]
    public void DisplayNameWinsOverThePropertyName()
    {
        var table = Table.From([new Row("a", 2, 3)]);
        Assert.Equal(["model", "speed-up (x)", "MAC ratio"], table.Columns);
    }

    private static Table Wide(int columns, int rows = 2, bool constantColumn = false) => Table.FromRows(
        Enumerable.Range(0, columns).Select(c => c == 0 ? "network" : $"measurement number {c}").ToArray(),
        Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns)
            .Select(c => (object?)(c == 0 ? $"kernel ticket (compact) {r}" : constantColumn && c == 1 ? "same" : $"{r * 1000 + c}.123456")).ToArray()),
        caption: "wide");

    [Fact]
    public void ANarrowTableStaysOneTable()
    {
        string html = Wide(4).ToHtml();
        Assert.Equal(1, Count(html, "<table"));
        Assert.Single(Wide(4).ToString().Split("\n\n"));
    }

    [Fact]
    public void AWideTableIsSplitIntoPartsThatEachRepeatTheFirstColumn()
    {
        var table = Wide(14);
        string html = table.ToHtml();
        int parts = Count(html, "<table");
        Assert.InRange(parts, 2, 4);
        Assert.Equal(parts, Count(html, ">network</th>"));
        Assert.Equal(1, Count(html, "wide"));
        foreach (int c in Enumerable.Range(1, 13)) Assert.Equal(1, Count(html, $">measurement number {c}</th>"));
        var blocks = table.ToString().Split("\n\n");
        Assert.True(blocks.Length >= 2);
        Assert.All(blocks, b => Assert.True(b.Split('\n').Max(l => l.Length) <= Table.TextWidthBudget + 30, b));
    }

    [Fact]
    public void InAWideTableColumnsEqualInEveryRowAreStatedOnce()
    {
        string html = Wide(14, constantColumn: true).ToHtml();
        Assert.Contains("In every row: measurement number 1 = same.", html);
        Assert.DoesNotContain(">measurement number 1</th>", html);
    }

    private static int Count(string text, string needle) => (text.Length - text.Replace(needle, "").Length) / needle.Length;
}
