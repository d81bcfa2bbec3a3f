using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Keeps the relative links of a notebook's markdown (for example <c>../docs/theory.md#…</c>) pointing at the same
/// files when its executed copy is written to another folder.
/// </summary>
public static partial class RelativeLinks
{
    /// <summary>Rewrites every relative markdown link of <paramref name="notebook"/> from <paramref name="fromFolder"/> to <paramref name="toFolder"/>.</summary>
    public static void Rebase(NotebookDocument notebook, string fromFolder, string toFolder)
    {
        string from = Path.GetFullPath(fromFolder), to = Path.GetFullPath(toFolder);
        if (string.Equals(from.TrimEnd(Path.DirectorySeparatorChar), to.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) return;
        foreach (var cell in notebook.Cells.OfType<JsonObject>().Where(c => c["cell_type"]?.GetValue<string>() == "markdown"))
        {
            string source = NotebookDocument.SourceOf(cell);
            string rebased = Link().Replace(source, m =>
            {
                string target = m.Groups["target"].Value;
                if (IsExternal(target)) return m.Value;
                int hash = target.IndexOf('#');
                string file = hash >= 0 ? target[..hash] : target, anchor = hash >= 0 ? target[hash..] : "";
                string moved = Path.GetRelativePath(to, Path.GetFullPath(Path.Combine(from, file))).Replace('\\', '/');
                return m.Value.Replace("(" + target, "(" + moved + anchor);
            });
            if (rebased != source) cell["source"] = Lines(rebased);
        }
    }

    /// <summary>True for links that do not name a file relative to the notebook: web, mail, in-page anchors, absolute paths.</summary>
    public static bool IsExternal(string target) =>
        target.Length == 0 || target.StartsWith('#') || target.StartsWith('/') || target.Contains("://", StringComparison.Ordinal)
        || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    private static JsonArray Lines(string text)
    {
        var lines = text.Split('\n');
        return new JsonArray(lines.Select((l, i) => (JsonNode)JsonValue.Create(i < lines.Length - 1 ? l + "\n" : l)!).ToArray());
    }

    // [text](target) or [text](target "title"); targets without spaces.
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
