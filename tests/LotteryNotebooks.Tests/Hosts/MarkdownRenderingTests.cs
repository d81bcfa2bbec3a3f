using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LotteryNotebooks.Runner;

namespace LotteryNotebooks.Tests.Hosts;

/// <summary>
/// The notebooks' markdown renders the same in every host. Jupyter's HTML (nbconvert's Markdown renderer) is stricter
/// than none and looser than CommonMark: a star after a letter (ε*, n*) or an underscore before a brace (Σ_{i∈S}) can
/// open an emphasis that a later one closes, turning half a paragraph into italics. This test renders every notebook with
/// <c>jupyter nbconvert --to html</c> and requires every italic span to be one the source asked for (<c>*word*</c>).
/// </summary>
public partial class MarkdownRenderingTests
{
    [Fact]
    public void JupyterItalicizesOnlyWhatTheSourceEmphasizes()
    {
        Assert.True(ExternalProcess.OnPath("jupyter"), "jupyter is not installed: " + JupyterHost.AptInstall);
        string output = Repository.OutputFolder("markdown-rendering");
        var notebooks = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        var convert = ExternalProcess.Run("jupyter", ["nbconvert", "--to", "html", "--output-dir", output, .. notebooks], Repository.Root, TimeSpan.FromMinutes(3));
        Assert.True(convert.ExitCode == 0, $"nbconvert failed:\n{convert.Tail()}");
        var problems = new List<string>();
        foreach (var notebook in notebooks)
        {
            var intended = Intended(notebook);
            string html = File.ReadAllText(Path.Combine(output, Path.GetFileNameWithoutExtension(notebook) + ".html"));
            foreach (Match em in Emphasis().Matches(html))
            {
                string text = WebUtility.HtmlDecode(Regex.Replace(em.Groups["text"].Value, "<[^>]+>", "")).Trim();
                if (!intended.Contains(text)) problems.Add($"{Path.GetFileName(notebook)}: italic \"{(text.Length > 80 ? text[..80] + "…" : text)}\"");
            }
        }
        Assert.True(problems.Count == 0, "Jupyter renders italics the source did not ask for (escape * as \\*, write subscripts as <sub>…</sub>, the convolution as ∗):\n  " + string.Join("\n  ", problems));
    }

    /// <summary>The texts the notebook's markdown emphasizes on purpose: *word …* or _word …_ outside code spans, opening after a space or punctuation.</summary>
    private static HashSet<string> Intended(string notebook)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in NotebookDocument.Load(notebook).Cells.OfType<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "markdown"))
        {
            string text = CodeSpan().Replace(NotebookDocument.SourceOf(cell), "");
            foreach (Match m in IntendedStar().Matches(text)) set.Add(m.Groups["text"].Value.Replace("\\", "").Trim());
            foreach (Match m in IntendedUnderscore().Matches(text)) set.Add(m.Groups["text"].Value.Replace("\\", "").Trim());
        }
        return set;
    }

    [GeneratedRegex(@"<em>(?<text>.*?)</em>", RegexOptions.Singleline)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<![\w\\*])\*(?![\s*])(?<text>[^*\n]+?)(?<![\s\\])\*(?![\w*])")]
    private static partial Regex IntendedStar();

    [GeneratedRegex(@"(?<![\w\\])_(?![\s_])(?<text>[^_\n]+?)(?<![\s\\])_(?!\w)")]
    private static partial Regex IntendedUnderscore();
}
