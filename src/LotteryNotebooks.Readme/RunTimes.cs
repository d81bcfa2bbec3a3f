using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LotteryNotebooks.Readme;

/// <summary>Per-notebook run times from the runner's run-summary.json, and the README notebooks table they fill.</summary>
public sealed partial record RunTimes(string Generated, IReadOnlyDictionary<string, (double Seconds, string Status)> Notebooks)
{
    /// <summary>Reads a run-summary.json written by the runner.</summary>
    public static RunTimes Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"No run summary at {path}: run the workbook first (dotnet run -c Release --project src/LotteryNotebooks.Runner).", path);
        var root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new FormatException($"{path} is empty.");
        var notebooks = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        foreach (var entry in root["notebooks"]?.AsArray() ?? throw new FormatException($"{path} has no \"notebooks\" list."))
        {
            string name = entry?["notebook"]?.GetValue<string>() ?? throw new FormatException($"{path}: a notebook entry has no \"notebook\".");
            notebooks[Path.GetFileNameWithoutExtension(name)] = (
                entry["seconds"]?.GetValue<double>() ?? throw new FormatException($"{path}: {name} has no \"seconds\"."),
                entry["status"]?.GetValue<string>() ?? "unknown");
        }
        return new RunTimes(root["generated"]?.GetValue<string>() ?? "an unknown date", notebooks);
    }

    /// <summary>A duration as the README shows it: "17 s", "1 min 37 s".</summary>
    public static string Format(double seconds)
    {
        int whole = (int)Math.Round(seconds);
        return whole < 60 ? $"{whole} s" : $"{whole / 60} min {whole % 60} s";
    }

    /// <summary>
    /// The notebooks table with its last column ("default run") set from this run, followed by a line
    /// saying when and where the times were measured. Every row must name a notebook of the run, and every
    /// notebook of the run must have a row.
    /// </summary>
    public string FillTable(string section, int cores)
    {
        var lines = section.Trim('\n').Split('\n').Where(l => l.StartsWith('|')).ToList();
        if (lines.Count < 3 || !Separator().IsMatch(lines[1]))
            throw new FormatException("The notebook-times section must hold a markdown table: a header row, a separator row and one row per notebook.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 2; i < lines.Count; i++)
        {
            var link = NotebookLink().Match(lines[i]);
            if (!link.Success) throw new FormatException($"Row {i - 1} of the notebooks table links to no notebooks/NN-*.ipynb: {lines[i]}");
            string notebook = link.Groups["name"].Value;
            if (!Notebooks.TryGetValue(notebook, out var run))
                throw new InvalidOperationException($"The run summary has no time for {notebook}: run the whole workbook, not a subset.");
            if (run.Status != "ok")
                throw new InvalidOperationException($"{notebook} did not succeed in the last run (status {run.Status}): fix it and run the workbook again.");
            int last = lines[i].TrimEnd().TrimEnd('|').LastIndexOf('|');
            lines[i] = lines[i][..(last + 1)] + " " + Format(run.Seconds) + " |";
            seen.Add(notebook);
        }
        var missing = Notebooks.Keys.Where(n => !seen.Contains(n)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"The notebooks table has no row for {string.Join(", ", missing)}: add one by hand (the command fills its time).");
        return string.Join("\n", lines) + "\n\n" +
               $"Times: one run of every notebook by the runner with default parameters ({Generated}, {cores} cores, other work sharing the machine), " +
               "so expect them to vary between runs.";
    }

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\(notebooks/(?<name>\d\d-[^)/]+)\.ipynb\)")]
    private static partial Regex NotebookLink();

    /// <summary>The form <see cref="Format"/> writes.</summary>
    public static bool IsFormatted(string cell) => FormattedTime().IsMatch(cell.Trim());

    [GeneratedRegex(@"^(\d+ s|\d+ min \d+ s)$")]
    private static partial Regex FormattedTime();
}
