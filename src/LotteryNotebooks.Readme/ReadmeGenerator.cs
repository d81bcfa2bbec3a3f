using System.Text;

namespace LotteryNotebooks.Readme;

/// <summary>Writes the README's generated sections (result images and notebook run times) from the last workbook run.</summary>
public static class ReadmeGenerator
{
    /// <summary>Folder of the README's result images, relative to the repository's top.</summary>
    public const string ImagesFolder = "docs/images";

    /// <summary>Regenerates the images and both sections; returns one line per thing written.</summary>
    public static IReadOnlyList<string> Run(string root, string artifacts)
    {
        string readmePath = Path.Combine(root, "README.md");
        string readme = File.ReadAllText(readmePath);
        var times = RunTimes.Load(Path.Combine(artifacts, "run-summary.json"));
        var report = new List<string>();

        // Refuse pages older than their notebooks: the images would show results the notebooks no longer produce.
        foreach (var notebook in times.Notebooks.Keys)
        {
            string source = Path.Combine(root, "notebooks", notebook + ".ipynb"), page = PagePath(artifacts, notebook);
            if (File.Exists(source) && File.Exists(page) && File.GetLastWriteTimeUtc(page) < File.GetLastWriteTimeUtc(source))
                throw new InvalidOperationException($"{page} is older than {source}: run the workbook again before regenerating the README.");
        }

        string notebooksTable = times.FillTable(GeneratedSection.Read(readme, GeneratedSection.NotebookTimes), Environment.ProcessorCount);
        readme = GeneratedSection.Replace(readme, GeneratedSection.NotebookTimes, notebooksTable);
        report.Add($"README: notebook times from {Path.Combine(artifacts, "run-summary.json")} ({times.Generated})");

        foreach (var page in ReadmeFigure.All.GroupBy(f => f.Notebook))
        {
            string path = PagePath(artifacts, page.Key);
            if (!times.Notebooks.TryGetValue(page.Key, out var run) || run.Status != "ok")
                throw new InvalidOperationException($"{page.Key} did not run successfully in the last workbook run: fix it and run the workbook again.");
            if (!File.Exists(path)) throw new FileNotFoundException($"No executed page {path}: run the workbook first.", path);
            var titles = ChartScreenshots.Titles(path);
            foreach (var figure in page)
            {
                int matches = titles.Count(t => t.StartsWith(figure.TitleStart, StringComparison.Ordinal));
                if (matches != 1)
                    throw new InvalidOperationException(
                        $"{path} has {matches} charts whose title starts with \"{figure.TitleStart}\" (it needs exactly one); its charts are: " +
                        string.Join("; ", titles.Select(t => $"\"{t}\"")) + ". Update ReadmeFigure.All.");
                string png = Path.Combine(root, ImagesFolder, figure.Image);
                ChartScreenshots.Save(path, figure.TitleStart, png);
                report.Add($"{ImagesFolder}/{figure.Image}: \"{figure.TitleStart}…\" from {page.Key}, {new FileInfo(png).Length / 1024} KB");
            }
        }
        readme = GeneratedSection.Replace(readme, GeneratedSection.Results, ResultsSection(times));
        File.WriteAllText(readmePath, readme);
        report.Add("README: result images");
        return report;
    }

    /// <summary>The results section: the images two by two with their captions, and where they come from.</summary>
    public static string ResultsSection(RunTimes times)
    {
        var text = new StringBuilder();
        text.Append("| | |\n|:---:|:---:|\n");
        foreach (var row in ReadmeFigure.All.Chunk(2))
        {
            text.Append("| ").AppendJoin(" | ", row.Select(f => $"![{f.Caption}]({ImagesFolder}/{f.Image})")).Append(row.Length < 2 ? " | |\n" : " |\n");
            text.Append("| ").AppendJoin(" | ", row.Select(f => f.Caption)).Append(row.Length < 2 ? " | |\n" : " |\n");
        }
        text.Append('\n')
            .Append($"From the workbook run of {times.Generated} with default parameters. The same charts, interactive, are in the executed pages ")
            .Append("(`artifacts/notebooks/*.html`) that `dotnet run -c Release --project src/LotteryNotebooks.Runner` writes.");
        return text.ToString();
    }

    private static string PagePath(string artifacts, string notebook) => Path.Combine(artifacts, "notebooks", notebook + ".html");
}
