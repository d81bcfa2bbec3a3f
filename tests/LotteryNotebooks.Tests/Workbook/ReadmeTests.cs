using System.Buffers.Binary;
using System.Text.RegularExpressions;
using LotteryNotebooks.Readme;

namespace LotteryNotebooks.Tests.Workbook;

/// <summary>
/// The README's generated parts (result images, notebook run times) are well formed and point at committed
/// images; the command that writes them fills them correctly from a run summary. Nothing here re-runs the workbook.
/// </summary>
public partial class ReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    /// <summary>Largest README image, and all of them together: the README stays light to clone and to load.</summary>
    private const long MaxImageBytes = 200_000, MaxImagesBytes = 600_000;

    [Fact]
    public void ResultImagesExistAreSmallPngsAndAreAllReferenced()
    {
        string section = GeneratedSection.Read(Readme, GeneratedSection.Results);
        var images = ImageLink().Matches(section).Select(m => m.Groups["path"].Value).ToList();
        Assert.Equal(ReadmeFigure.All.Select(f => $"{ReadmeGenerator.ImagesFolder}/{f.Image}").Order(), images.Distinct().Order());
        long total = 0;
        foreach (string image in images.Distinct())
        {
            string path = Path.Combine(Repository.Root, image);
            Assert.True(File.Exists(path), $"The README shows {image}, which does not exist: run {GeneratedSection.Command} after a workbook run.");
            byte[] bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), $"{image} is not a PNG.");
            int width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
            Assert.True((width, height) == (ChartScreenshots.Width, ChartScreenshots.Height), $"{image} is {width} x {height}, not {ChartScreenshots.Width} x {ChartScreenshots.Height}.");
            Assert.True(bytes.Length <= MaxImageBytes, $"{image} has {bytes.Length} bytes (at most {MaxImageBytes}).");
            total += bytes.Length;
        }
        Assert.True(total <= MaxImagesBytes, $"The README's images weigh {total} bytes (at most {MaxImagesBytes}).");
        var committed = Directory.GetFiles(Path.Combine(Repository.Root, ReadmeGenerator.ImagesFolder), "*.png")
            .Select(f => $"{ReadmeGenerator.ImagesFolder}/{Path.GetFileName(f)}");
        Assert.Empty(committed.Except(images));
        foreach (var figure in ReadmeFigure.All) Assert.Contains(figure.Caption, section);
        Assert.Matches(@"From the workbook run of \d{4}-\d\d-\d\d", section);
    }

    [Fact]
    public void NotebooksTableHasAGeneratedTimeForEveryNotebookInReadingOrder()
    {
        string section = GeneratedSection.Read(Readme, GeneratedSection.NotebookTimes);
        var rows = section.Split('\n').Where(l => l.StartsWith('|')).Skip(2).ToList();
        var notebooks = rows.Select(r => NotebookLink().Match(r)).Select(m => m.Success ? m.Groups["file"].Value : "(no notebook link)").ToList();
        Assert.Equal(Repository.Environment.Notebooks, notebooks);
        foreach (var row in rows)
        {
            string last = row.TrimEnd().TrimEnd('|').Split('|')[^1];
            Assert.True(RunTimes.IsFormatted(last), $"The notebooks table's time '{last.Trim()}' is not one {GeneratedSection.Command} writes: {row}");
        }
        Assert.Matches(@"Times: one run of every notebook .*\d{4}-\d\d-\d\d", section);
    }

    [Fact]
    public void TimesAreFilledFromARunSummaryAndMismatchesAreRefused()
    {
        string folder = Directory.CreateTempSubdirectory("readme-test-").FullName;
        try
        {
            string summary = Path.Combine(folder, "run-summary.json");
            File.WriteAllText(summary, """
                { "generated": "2026-01-02 03:04:05Z", "notebooks": [
                  { "notebook": "00-a.ipynb", "cells": 3, "seconds": 6.4, "status": "ok" },
                  { "notebook": "01-b.ipynb", "cells": 9, "seconds": 97.2, "status": "ok" } ] }
                """);
            var times = RunTimes.Load(summary);
            const string table = "| notebook | what | default run |\n|---|---|---|\n| [00](notebooks/00-a.ipynb) | x | ~1 s |\n| [01](notebooks/01-b.ipynb) | y | old |\n";
            string filled = times.FillTable(table, cores: 2);
            Assert.Contains("| [00](notebooks/00-a.ipynb) | x | 6 s |", filled);
            Assert.Contains("| [01](notebooks/01-b.ipynb) | y | 1 min 37 s |", filled);
            Assert.Contains("2026-01-02 03:04:05Z, 2 cores", filled);
            Assert.Contains("no row for 01-b", Assert.Throws<InvalidOperationException>(() => times.FillTable(string.Join('\n', table.Split('\n')[..3]), 2)).Message);

            File.WriteAllText(summary, File.ReadAllText(summary).Replace("\"status\": \"ok\" } ]", "\"status\": \"failed\" } ]"));
            Assert.Contains("did not succeed", Assert.Throws<InvalidOperationException>(() => RunTimes.Load(summary).FillTable(table, 2)).Message);
            Assert.Contains("run the workbook first", Assert.Throws<FileNotFoundException>(() => RunTimes.Load(Path.Combine(folder, "none.json"))).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SectionsAreReplacedBetweenTheirMarkersAndBrokenMarkersAreNamed()
    {
        string text = "intro\n" + GeneratedSection.Begin("x") + "\nold\n" + GeneratedSection.End("x") + "\nafter\n";
        string replaced = GeneratedSection.Replace(text, "x", "new");
        Assert.Equal("new", GeneratedSection.Read(replaced, "x").Trim());
        Assert.StartsWith("intro\n", replaced);
        Assert.EndsWith("\nafter\n", replaced);
        Assert.Contains("exactly one", Assert.Throws<FormatException>(() => GeneratedSection.Read(text + GeneratedSection.End("x"), "x")).Message);
        Assert.Contains("exactly one", Assert.Throws<FormatException>(() => GeneratedSection.Read("no markers", "x")).Message);
        string results = ReadmeGenerator.ResultsSection(new RunTimes("2026-01-02 03:04:05Z", new Dictionary<string, (double, string)>()));
        Assert.All(ReadmeFigure.All, f => Assert.Contains($"]({ReadmeGenerator.ImagesFolder}/{f.Image})", results));
    }

    [GeneratedRegex(@"!\[[^\]]*\]\((?<path>[^)]+)\)")]
    private static partial Regex ImageLink();

    [GeneratedRegex(@"\(notebooks/(?<file>\d\d-[^)/]+\.ipynb)\)")]
    private static partial Regex NotebookLink();
}
