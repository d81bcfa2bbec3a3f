using LotteryTickets.Networks;
using LotteryTickets.Timing;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Learning;

/// <summary>
/// The full comparison of learned and constructed masks as a small JSON file (committed as data/learned-comparison.json,
/// written by <c>src/LotteryTickets.Learn</c>): what was run (command, seeds, n, options, target), where and how long
/// (machine facts, load average), and the results (one <see cref="ComparisonRow"/> per network, per n and seed, and the
/// speed of the compact networks). Read back strictly: every key present and spelled exactly, no other.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="Version">Always <see cref="FormatVersion"/>.</param>
/// <param name="Command">The command that wrote the file, run from the repository's top.</param>
/// <param name="Note">What the person who ran it said about the run (for example that it is a reduced configuration, and why); may be empty.</param>
/// <param name="CreatedUtc">When the run started (UTC, ISO 8601).</param>
/// <param name="Target">The target file used, its weights' SHA-256, architecture and recorded test accuracy.</param>
/// <param name="HiddenPerInput">The values of n, each used in every layer.</param>
/// <param name="Seeds">The seeds: each one draws a random network and the learned masks' initial scores.</param>
/// <param name="Learning">The learning options of every run (their seed is replaced by each run's seed).</param>
/// <param name="SliceTolerance">η of the constructed kernel ticket.</param>
/// <param name="TestImages">Test images of every accuracy.</param>
/// <param name="Machine">Where it ran and under what load.</param>
/// <param name="Rows">Every network of every run.</param>
/// <param name="Timing">Latency of the compact networks (first seed of each n).</param>
public sealed record LearnedComparisonResults(string Format, int Version, string Command, string Note, string CreatedUtc, ResultsTarget Target,
    IReadOnlyList<int> HiddenPerInput, IReadOnlyList<int> Seeds, EdgePopupOptions Learning, double SliceTolerance, int TestImages,
    ResultsMachine Machine, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<ResultsTiming> Timing)
{
    /// <summary>The JSON's <c>format</c> entry.</summary>
    public const string FormatName = "lottery-tickets-learned-comparison";

    /// <summary>The JSON's <c>version</c> entry.</summary>
    public const int FormatVersion = 1;

    private const string What = "learned-comparison results file";

    /// <summary>Writes the results as indented JSON, atomically.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Validate(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(this, StrictJson.Options) + "\n");
    }

    /// <summary>Reads a file written by <see cref="Save"/>, strictly (every key, no other; values in range).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not such a results file or is inconsistent; the message names the file and says what.</exception>
    public static LearnedComparisonResults Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Results file '{Path.GetFullPath(path)}' does not exist.", path);
        var results = StrictJson.Deserialize<LearnedComparisonResults>(File.ReadAllText(path), path, What);
        results.Validate(path);
        return results;
    }

    /// <summary>The rows of one method and structure (for example "learned", "kernels"), over every n and seed.</summary>
    public IReadOnlyList<ComparisonRow> RowsOf(string method, string structure) =>
        Rows.Where(r => r.Method == method && (method == "target" || r.Structure == structure)).ToArray();

    /// <summary>
    /// Mean test accuracy of the network labelled <paramref name="label"/> (a <see cref="ComparisonRow.Label"/>, for example
    /// "learned kernels") over the seeds run at n = <paramref name="hiddenPerInput"/>; NaN when no such row exists, so a
    /// chart leaves a gap rather than drawing a made-up point.
    /// </summary>
    public double MeanTestAccuracy(string label, int hiddenPerInput) =>
        Rows.Where(r => r.Label == label && r.HiddenPerInput == hiddenPerInput).Select(r => r.TestAccuracy).DefaultIfEmpty(double.NaN).Average();

    private void Validate(string path)
    {
        void Fail(string what) => throw new InvalidDataException($"{path} is not a valid {What}: {what}");
        if (Format != FormatName) Fail($"\"format\" must be \"{FormatName}\"; got \"{Format}\".");
        if (Version != FormatVersion) Fail($"\"version\" must be {FormatVersion}; got {Version}.");
        if (HiddenPerInput.Count == 0 || Seeds.Count == 0 || Rows.Count == 0) Fail("\"hiddenPerInput\", \"seeds\" and \"rows\" must not be empty.");
        try { Learning.Validate(); }
        catch (ArgumentException e) { Fail($"\"learning\": {e.Message}"); }
        foreach (var (row, k) in Rows.Select((r, k) => (r, k)))
        {
            if (row.Method is not ("target" or "constructed" or "learned" or "random")) Fail($"rows[{k}].method must be target, constructed, learned or random; got \"{row.Method}\".");
            if (row.Structure is not ("dense" or "kernels" or "channels" or "weights")) Fail($"rows[{k}].structure must be dense, kernels, channels or weights; got \"{row.Structure}\".");
            if (!(row.TestAccuracy is >= 0 and <= 1)) Fail($"rows[{k}].testAccuracy must be in [0, 1]; got {row.TestAccuracy}.");
            if (!(row.Density is > 0 and <= 1)) Fail($"rows[{k}].density must be in (0, 1]; got {row.Density}.");
            if (row.Method != "target" && (!HiddenPerInput.Contains(row.HiddenPerInput) || !Seeds.Contains(row.Seed)))
                Fail($"rows[{k}] has n = {row.HiddenPerInput} and seed {row.Seed}, not among the file's n [{string.Join(", ", HiddenPerInput)}] and seeds [{string.Join(", ", Seeds)}].");
        }
        if (!Timing.All(t => t.Row.MedianMs > 0 && double.IsFinite(t.Row.MedianMs))) Fail("every timing median must be positive and finite.");
    }
}
