using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LotteryNotebooks.Runner;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LotteryNotebooks.Tests.Workbook;

/// <summary>
/// The repository stands on its own: no notebook or document links to a file outside it, every relative link resolves
/// (file and heading), and every Markdown file a text names exists.
/// </summary>
public partial class RepositoryLinksTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Every Markdown document: README, docs, solutions, and each notebook's markdown cells (joined).</summary>
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repository.Root, "*.md").Concat(Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md"))
                     .Concat(Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb"))
                     .Concat(Directory.Exists(Path.Combine(Repository.NotebooksFolder, "solutions")) ? Directory.GetFiles(Path.Combine(Repository.NotebooksFolder, "solutions"), "*.md") : [])
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void LinksStayInsideTheRepositoryAndResolve(string document)
    {
        string path = Path.Combine(Repository.Root, document);
        string text = MarkdownOf(path);
        string folder = Path.GetDirectoryName(path)!;
        var problems = new List<string>();
        foreach (var link in Markdown.Parse(text, Pipeline).Descendants<LinkInline>())
        {
            string url = link.Url ?? "";
            if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal))
                continue;   // web pages are not files of this machine
            if (url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(url) || url.Contains("://", StringComparison.Ordinal))
            {
                problems.Add($"{url}: an absolute or file link points outside the repository");
                continue;
            }
            int hash = url.IndexOf('#');
            string file = hash >= 0 ? url[..hash] : url, anchor = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : "";
            string target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(file)));
            if (!target.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                problems.Add($"{url}: points outside the repository ({target})");
            else if (!File.Exists(target) && !Directory.Exists(target))
                problems.Add($"{url}: {Path.GetRelativePath(Repository.Root, target)} does not exist");
            else if (anchor.Length > 0 && (target.EndsWith(".md", StringComparison.Ordinal) || target.EndsWith(".ipynb", StringComparison.Ordinal)) && !Anchors(target).Contains(anchor))
                problems.Add($"{url}: {Path.GetRelativePath(Repository.Root, target)} has no heading #{anchor} (it has: {string.Join(", ", Anchors(target).Take(40))})");
        }
        Assert.True(problems.Count == 0, $"{document}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryMarkdownFileNamedInTheTextExistsAndNothingNamesTheDevelopersFolders(string document)
    {
        string text = MarkdownOf(Path.Combine(Repository.Root, document));
        var names = Directory.GetFiles(Repository.Root, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var missing = MarkdownFileName().Matches(text).Select(m => m.Value).Where(n => !names.Contains(n)).Distinct().ToArray();
        Assert.True(missing.Length == 0, $"{document} names Markdown files the repository does not have: {string.Join(", ", missing)}");
        // Built from parts so that this file does not itself name the folders it forbids.
        const string shared = "shared";
        foreach (var outside in new[] { "../" + shared, "/work/", shared + "/design", shared + "/seed" })
            Assert.False(text.Contains(outside, StringComparison.Ordinal), $"{document} mentions '{outside}', a folder outside the repository.");
    }

    /// <summary>The Markdown of a .md file, or the markdown cells of a notebook joined by blank lines.</summary>
    private static string MarkdownOf(string path) => path.EndsWith(".ipynb", StringComparison.Ordinal)
        ? string.Join("\n\n", NotebookDocument.Load(path).Cells.OfType<JsonObject>()
            .Where(c => c["cell_type"]!.GetValue<string>() == "markdown").Select(NotebookDocument.SourceOf))
        : File.ReadAllText(path);

    /// <summary>Heading anchors as GitHub (and VS Code) derive them: lower case, punctuation dropped, spaces to hyphens.</summary>
    internal static IReadOnlySet<string> Anchors(string path)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>();
        foreach (var heading in Markdown.Parse(MarkdownOf(path), Pipeline).Descendants<HeadingBlock>())
        {
            string title = string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? [])
                           + string.Concat(heading.Inline?.Descendants<CodeInline>().Select(c => c.Content) ?? []);
            string slug = Slug(title);
            int count = seen.GetValueOrDefault(slug);
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            seen[slug] = count + 1;
        }
        return anchors;
    }

    internal static string Slug(string title) =>
        new string(title.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');

    [Fact]
    public void SlugsFollowGitHub()
    {
        Assert.Equal("4-the-papers-main-theorem", Slug("4. The paper's main theorem"));
        Assert.Equal("2-many-dimensions-mrss-and-nsn-vectors", Slug("2. Many dimensions: MRSS and NSN vectors"));
        Assert.Equal("39-the-error-budget", Slug("3.9 The error budget"));
    }

    // A file name ending in .md that is not part of a longer path or URL word (for example "theory.md" or "docs/theory.md");
    // "NN-name.md" stands for any notebook's file.
    [GeneratedRegex(@"(?<![\w.-])[\w-]+\.md\b")]
    private static partial Regex MarkdownFileName();
}
