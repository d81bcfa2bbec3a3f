using System.Text.RegularExpressions;

namespace LotteryNotebooks.Readme;

/// <summary>
/// A part of the README written by this command, between
/// <c>&lt;!-- generated:NAME begin … --&gt;</c> and <c>&lt;!-- generated:NAME end --&gt;</c>.
/// </summary>
public static partial class GeneratedSection
{
    /// <summary>The README section holding the result images.</summary>
    public const string Results = "results";

    /// <summary>The README section holding the notebooks table, whose "default run" column this command writes.</summary>
    public const string NotebookTimes = "notebook-times";

    /// <summary>The command that writes the sections, as the README states it.</summary>
    public const string Command = "dotnet run -c Release --project src/LotteryNotebooks.Readme";

    public static string Begin(string name) =>
        $"<!-- generated:{name} begin: written by `{Command}` from the last workbook run; edit the command, not this text -->";

    public static string End(string name) => $"<!-- generated:{name} end -->";

    /// <summary>The text between the markers of section <paramref name="name"/>; throws naming the problem when they are missing, repeated or out of order.</summary>
    public static string Read(string readme, string name)
    {
        var (start, end) = Locate(readme, name);
        return readme[start..end];
    }

    /// <summary><paramref name="readme"/> with the content of section <paramref name="name"/> replaced.</summary>
    public static string Replace(string readme, string name, string content)
    {
        var (start, end) = Locate(readme, name);
        return readme[..start] + "\n" + content.Trim('\n') + "\n" + readme[end..];
    }

    private static (int Start, int End) Locate(string readme, string name)
    {
        var begins = BeginMarker().Matches(readme).Where(m => m.Groups["name"].Value == name).ToList();
        var ends = EndMarker().Matches(readme).Where(m => m.Groups["name"].Value == name).ToList();
        if (begins.Count != 1 || ends.Count != 1)
            throw new FormatException(
                $"The README must hold exactly one '<!-- generated:{name} begin … -->' and one '{End(name)}' marker; found {begins.Count} and {ends.Count}.");
        int start = begins[0].Index + begins[0].Length, end = ends[0].Index;
        if (end < start) throw new FormatException($"The README's '{End(name)}' marker comes before its begin marker.");
        return (start, end);
    }

    [GeneratedRegex(@"<!-- generated:(?<name>[a-z-]+) begin\b[^>]*-->")]
    private static partial Regex BeginMarker();

    [GeneratedRegex(@"<!-- generated:(?<name>[a-z-]+) end -->")]
    private static partial Regex EndMarker();
}
