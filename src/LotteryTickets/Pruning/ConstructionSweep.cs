using System.Globalization;
using System.Text;
using LotteryTickets.Workbook;

namespace LotteryTickets.Pruning;

/// <summary>
/// A table of measured constructions (<see cref="ConstructionSweepRow"/>: one per variant, n and seed) with its provenance:
/// the command that produced it, the target, the machine and its load. Sweeps over n for the 3x3 target take many
/// minutes, so they run from the console (<c>dotnet run -c Release --project src/LotteryTickets.Train -- construction</c>)
/// and the committed result (<c>data/construction-fashion-mnist-3x3.csv</c>) is what notebook 05 draws beside its own
/// fresh run.
/// <para>
/// File format: UTF-8 text. The first line is <c># lottery-tickets construction sweep, version 1</c>; then provenance
/// lines <c># key: value</c>; then a CSV header naming exactly <see cref="Columns"/> and one row per construction, numbers
/// in invariant culture, an empty cell for a missing accuracy. <see cref="Load"/> rejects anything else, naming the file
/// and the line.
/// </para>
/// </summary>
public sealed class ConstructionSweep
{
    /// <summary>The first line of every sweep file.</summary>
    public const string FormatLine = "# lottery-tickets construction sweep, version 1";

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "variant", "n", "seed", "seconds", "slices", "max_slice_error", "mean_slice_error", "median_slice_error", "within_0.02", "within_0.05",
        "within_0.1", "random_weights", "kept_weights", "compact_weights", "compact_macs", "random_sup_error", "budget", "test_agreement",
        "target_accuracy", "ticket_accuracy",
    ];

    /// <summary>A sweep of <paramref name="rows"/> with provenance lines (key, value), for example ("command", "dotnet run ...").</summary>
    /// <exception cref="ArgumentException">A provenance key is empty or holds a colon, or a key or value spans lines.</exception>
    public ConstructionSweep(IEnumerable<(string Key, string Value)> provenance, IEnumerable<ConstructionSweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(rows);
        Provenance = provenance.ToArray();
        foreach (var (key, value) in Provenance)
            if (string.IsNullOrWhiteSpace(key) || key.Contains(':') || key.Contains('\n') || value is null || value.Contains('\n'))
                throw new ArgumentException($"a provenance line is a non-empty key without ':' and a one-line value; got '{key}': '{value}'.", nameof(provenance));
        Rows = rows.ToArray();
    }

    /// <summary>Where the rows come from: command, target, machine, dates, as (key, value) in file order.</summary>
    public IReadOnlyList<(string Key, string Value)> Provenance { get; }

    /// <summary>The measured constructions, in file order.</summary>
    public IReadOnlyList<ConstructionSweepRow> Rows { get; }

    /// <summary>The value of provenance line <paramref name="key"/>, or null.</summary>
    public string? this[string key] => Provenance.Where(p => p.Key == key).Select(p => p.Value).FirstOrDefault();

    /// <summary>The rows of one variant, ordered by n and seed.</summary>
    public IReadOnlyList<ConstructionSweepRow> Of(TicketVariant variant) =>
        Rows.Where(r => r.Variant == variant).OrderBy(r => r.N).ThenBy(r => r.Seed).ToArray();

    /// <summary>Writes the sweep (atomically: readers never see half a file).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = new StringBuilder(FormatLine).Append('\n');
        foreach (var (key, value) in Provenance) text.Append("# ").Append(key).Append(": ").Append(value).Append('\n');
        text.Append(string.Join(",", Columns)).Append('\n');
        foreach (var r in Rows)
            text.Append(string.Join(",", r.Variant.ToString().ToLowerInvariant(), I(r.N), I(r.Seed), F(r.Seconds, "F2"), I(r.Slices), F(r.MaxSliceError, "G6"),
                F(r.MeanSliceError, "G6"), F(r.MedianSliceError, "G6"), I(r.Within002), I(r.Within005), I(r.Within01), I(r.RandomWeights), I(r.KeptWeights),
                I(r.CompactWeights), I(r.CompactMacs), F(r.RandomSupError, "G6"), F(r.Budget, "G6"), O(r.TestAgreement), O(r.TargetAccuracy), O(r.TicketAccuracy))).Append('\n');
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a sweep written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a sweep: a wrong first line, a malformed provenance line, another header, a row with the wrong number of cells or a value that does not parse; the message names the file and the line.</exception>
    public static ConstructionSweep Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"no construction sweep at {path}.", path);
        var lines = File.ReadAllLines(path);
        InvalidDataException Bad(int line, string what) => new($"{path}, line {line + 1}: {what}");
        if (lines.Length == 0 || lines[0] != FormatLine) throw Bad(0, $"a construction sweep starts with '{FormatLine}'.");
        var provenance = new List<(string, string)>();
        int at = 1;
        for (; at < lines.Length && lines[at].StartsWith('#'); at++)
        {
            int colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
            if (!lines[at].StartsWith("# ", StringComparison.Ordinal) || colon < 3) throw Bad(at, "provenance lines read '# key: value'.");
            provenance.Add((lines[at][2..colon], lines[at][(colon + 2)..]));
        }
        if (at >= lines.Length || lines[at] != string.Join(",", Columns))
            throw Bad(at, $"the header must be exactly '{string.Join(",", Columns)}'.");
        var rows = new List<ConstructionSweepRow>();
        for (int k = at + 1; k < lines.Length; k++)
        {
            if (lines[k].Length == 0 && k == lines.Length - 1) break;
            var cells = lines[k].Split(',');
            if (cells.Length != Columns.Count) throw Bad(k, $"a row has {Columns.Count} cells; this one has {cells.Length}.");
            try
            {
                rows.Add(new ConstructionSweepRow(
                    Enum.TryParse<TicketVariant>(cells[0], ignoreCase: true, out var v) && Enum.IsDefined(v) && cells[0] == cells[0].ToLowerInvariant() ? v
                        : throw new FormatException($"variant must be kernel, filter or unstructured; got '{cells[0]}'"),
                    PInt(cells[1], "n"), PInt(cells[2], "seed"), PDouble(cells[3], "seconds"), PInt(cells[4], "slices"), PDouble(cells[5], "max_slice_error"),
                    PDouble(cells[6], "mean_slice_error"), PDouble(cells[7], "median_slice_error"), PInt(cells[8], "within_0.02"), PInt(cells[9], "within_0.05"),
                    PInt(cells[10], "within_0.1"), PLong(cells[11], "random_weights"), PLong(cells[12], "kept_weights"), PLong(cells[13], "compact_weights"),
                    PLong(cells[14], "compact_macs"), PDouble(cells[15], "random_sup_error"), PDouble(cells[16], "budget"), POptional(cells[17], "test_agreement"),
                    POptional(cells[18], "target_accuracy"), POptional(cells[19], "ticket_accuracy")));
                CheckConsistent(rows[^1]);
            }
            catch (FormatException e)
            {
                throw Bad(k, e.Message + ".");
            }
        }
        return new ConstructionSweep(provenance, rows);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"construction sweep: {Rows.Count} rows ({string.Join(", ", Rows.GroupBy(r => r.Variant).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}); {this["command"] ?? "command not recorded"}";

    /// <summary>Values that parse but cannot come from a construction (a hand-edited or damaged file).</summary>
    private static void CheckConsistent(ConstructionSweepRow r)
    {
        if (r.N < 1) throw new FormatException($"n must be at least 1; got {r.N}");
        if (r.Slices < 1) throw new FormatException($"slices must be at least 1; got {r.Slices}");
        if (!(r.Within002 <= r.Within005 && r.Within005 <= r.Within01 && r.Within01 <= r.Slices && r.Within002 >= 0))
            throw new FormatException($"the slices within 0.02, 0.05 and 0.1 grow with η and stay within 0..slices; got {r.Within002}, {r.Within005}, {r.Within01} of {r.Slices}");
        if (r.Seconds < 0 || r.MaxSliceError < 0 || r.MeanSliceError < 0 || r.MedianSliceError < 0 || r.MedianSliceError > r.MaxSliceError || r.MeanSliceError > r.MaxSliceError)
            throw new FormatException($"times and errors are non-negative, and the median and mean error at most the largest; got {r.Seconds}, {r.MedianSliceError}, {r.MeanSliceError}, {r.MaxSliceError}");
        if (r.KeptWeights < 0 || r.KeptWeights > r.RandomWeights || r.CompactWeights < 0 || r.CompactMacs < 0)
            throw new FormatException($"kept weights lie between 0 and the random network's {r.RandomWeights}; got {r.KeptWeights}");
        foreach (var (value, column) in new[] { (r.TestAgreement, "test_agreement"), (r.TargetAccuracy, "target_accuracy"), (r.TicketAccuracy, "ticket_accuracy") })
            if (value is double v && !(v >= 0 && v <= 1)) throw new FormatException($"{column} is a share in [0, 1]; got {v}");
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string O(double? value) => value is double v ? F(v, "F4") : "";

    private static int PInt(string text, string column) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new FormatException($"{column} must be an integer; got '{text}'");

    private static long PLong(string text, string column) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw new FormatException($"{column} must be an integer; got '{text}'");

    private static double PDouble(string text, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new FormatException($"{column} must be a finite number; got '{text}'");

    private static double? POptional(string text, string column) => text.Length == 0 ? null : PDouble(text, column);
}
