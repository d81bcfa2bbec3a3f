using System.Globalization;
using System.Text;
using System.Text.Json;
using LotteryTickets.Charts;
using LotteryTickets.Workbook;

namespace LotteryTickets.Timing;

/// <summary>
/// The result of a timing run: the conditions it ran under, each model's arithmetic cost, one row per (model, batch
/// size), the subnormal check and the raw samples. Shown as a table, compared as speed-ups, saved as CSV (the rows, with
/// the conditions as leading <c>#</c> comment lines) and JSON (everything).
/// </summary>
/// <param name="Conditions">Machine, packages, threads, allocator, load.</param>
/// <param name="Costs">Per-layer MACs and parameters of each model.</param>
/// <param name="Rows">One row per (model, batch size), models in the order given, batch sizes in the order given.</param>
/// <param name="Subnormals">What the subnormal check found per model and what it did.</param>
/// <param name="Samples">Raw latencies per (model, batch size).</param>
public sealed record TimingReport(TimingConditions Conditions, IReadOnlyList<ModelCost> Costs, IReadOnlyList<TimingRow> Rows,
    IReadOnlyList<SubnormalReport> Subnormals, IReadOnlyList<LatencySamples> Samples)
{
    /// <summary>The CSV header, one column per <see cref="TimingRow"/> field plus the derived IQR, throughput and GMAC/s.</summary>
    public const string CsvHeader =
        "model,batch_size,threads,repetitions,median_ms,lower_quartile_ms,upper_quartile_ms,iqr_ms,min_ms,images_per_second,macs_per_image,effective_macs_per_image,gmac_per_second,parameters,nonzero_parameters,stable";


    /// <summary>Model names in the order they were timed.</summary>
    public IReadOnlyList<string> Models => Rows.Select(r => r.Model).Distinct().ToArray();

    /// <summary>Batch sizes in the order they were timed.</summary>
    public IReadOnlyList<int> BatchSizes => Rows.Select(r => r.BatchSize).Distinct().ToArray();

    /// <summary>The row of <paramref name="model"/> at <paramref name="batchSize"/>.</summary>
    /// <exception cref="ArgumentException">No such row.</exception>
    public TimingRow Row(string model, int batchSize) =>
        Rows.FirstOrDefault(r => r.Model == model && r.BatchSize == batchSize)
        ?? throw new ArgumentException($"no timing of '{model}' at batch size {batchSize}; models: {string.Join(", ", Models)}; batch sizes: {string.Join(", ", BatchSizes)}.", nameof(model));

    /// <summary>Speed-up of every other model over <paramref name="baseline"/> at every batch size.</summary>
    public IReadOnlyList<SpeedupRow> SpeedUps(string baseline) =>
        Rows.Where(r => r.Model != baseline).Select(r => SpeedupRow.Of(r, Row(baseline, r.BatchSize))).ToArray();

    /// <summary>The rows as a notebook table (latency, spread, throughput, MACs side by side).</summary>
    public Table ToTable(string? caption = null) => Table.FromRows(
        ["model", "batch", "median ms", "IQR ms", "images/s", "MACs/image", "effective MACs/image", "GMAC/s", "passes", "stable"],
        Rows.Select(r => new object?[] { r.Model, r.BatchSize, Sig(r.MedianMs), Sig(r.IqrMs), Sig(r.ImagesPerSecond), r.MacsPerImage.ToString("N0", CultureInfo.InvariantCulture),
            r.EffectiveMacsPerImage.ToString("N0", CultureInfo.InvariantCulture), Sig(r.GmacPerSecond), r.Repetitions, r.Stable ? "yes" : "no" }),
        caption ?? $"Inference latency, {Conditions.TorchThreads} torch thread(s)");

    /// <summary>Writes the rows as CSV, preceded by the conditions as <c>#</c> comment lines (pandas: <c>read_csv(path, comment="#")</c>).</summary>
    public void WriteCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = new StringBuilder();
        foreach (string line in Conditions.ToString().Split("; "))
            text.Append("# ").AppendLine(line.Replace('\n', ' '));
        text.AppendLine(CsvHeader);
        foreach (var r in Rows)
        {
            text.AppendJoin(',', Quote(r.Model), I(r.BatchSize), I(r.Threads), I(r.Repetitions), D(r.MedianMs), D(r.LowerQuartileMs), D(r.UpperQuartileMs),
                D(r.IqrMs), D(r.MinMs), D(r.ImagesPerSecond), I(r.MacsPerImage), I(r.EffectiveMacsPerImage), D(r.GmacPerSecond), I(r.Parameters),
                I(r.NonzeroParameters), r.Stable ? "true" : "false");
            text.AppendLine();
        }
        CreateFolderOf(path);
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads the rows of a CSV written by <see cref="WriteCsv"/> (comment lines skipped, columns found by name).</summary>
    /// <exception cref="InvalidDataException">A required column is missing or a value does not parse.</exception>
    public static IReadOnlyList<TimingRow> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        if (lines.Length == 0) throw new InvalidDataException($"{path}: no header line.");
        var header = SplitCsv(lines[0]);
        int Col(string name) => header.IndexOf(name) is int i and >= 0 ? i : throw new InvalidDataException($"{path}: column '{name}' missing.");
        var rows = new List<TimingRow>();
        for (int k = 1; k < lines.Length; k++)
        {
            var f = SplitCsv(lines[k]);
            try
            {
                rows.Add(new TimingRow(f[Col("model")], int.Parse(f[Col("batch_size")], CultureInfo.InvariantCulture), int.Parse(f[Col("threads")], CultureInfo.InvariantCulture),
                    int.Parse(f[Col("repetitions")], CultureInfo.InvariantCulture), P(f[Col("median_ms")]), P(f[Col("lower_quartile_ms")]), P(f[Col("upper_quartile_ms")]),
                    P(f[Col("min_ms")]), long.Parse(f[Col("macs_per_image")], CultureInfo.InvariantCulture), long.Parse(f[Col("effective_macs_per_image")], CultureInfo.InvariantCulture),
                    long.Parse(f[Col("parameters")], CultureInfo.InvariantCulture), long.Parse(f[Col("nonzero_parameters")], CultureInfo.InvariantCulture), bool.Parse(f[Col("stable")])));
            }
            catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException($"{path}, line {k + 1}: {e.Message}", e);
            }
        }
        return rows;
    }

    /// <summary>Writes the whole report as JSON.</summary>
    public void WriteJson(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, StrictJson.Options));
    }

    /// <summary>Reads a report written by <see cref="WriteJson"/> (strictly: every key present and spelled as written, no others).</summary>
    /// <exception cref="InvalidDataException">The file is not a timing report; the message names the file and the defect.</exception>
    public static TimingReport ReadJson(string path) => StrictJson.Deserialize<TimingReport>(File.ReadAllText(path), path, "timing report");

    /// <summary>
    /// Writes <c>{name}.csv</c> and <c>{name}.json</c> into <paramref name="folder"/> (default: <c>timing/</c> in the
    /// workbook's artifacts folder) and returns both paths.
    /// </summary>
    public (string Csv, string Json) Save(string? folder = null, string name = "timing")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        folder ??= Path.Combine(WorkbookEnvironment.Load().ArtifactsFolder, "timing");
        string csv = Path.Combine(folder, name + ".csv"), json = Path.Combine(folder, name + ".json");
        WriteCsv(csv);
        WriteJson(json);
        return (csv, json);
    }

    /// <inheritdoc />
    public override string ToString() => ToTable().ToString() + Environment.NewLine + Conditions;

    private static void CreateFolderOf(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    /// <summary>A number with four significant digits (whole numbers above 10,000 keep their units digit).</summary>
    internal static string Sig(double value) =>
        Math.Abs(value) >= 10_000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("G4", CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double P(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
