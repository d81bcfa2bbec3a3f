using System.Text.Json;
using System.Text.Json.Nodes;
using LotteryTickets.Workbook;

namespace LotteryNotebooks.Runner;

/// <summary>
/// The run summary of an output folder (the workbook's default run keeps it in <c>artifacts/run-summary.json</c>, a run with
/// <c>--output DIR</c> or a what-if run in <c>DIR/run-summary.json</c>): one entry per notebook whose pages are in the folder,
/// with cells, seconds, status, first error, parameters and sizes. A run that executes only some notebooks updates their
/// entries and keeps the others, so the summary always describes the pages on disk; it is rewritten atomically after
/// each notebook.
/// </summary>
public static class RunSummary
{
    /// <summary>What an update kept from earlier runs and what it replaced.</summary>
    /// <param name="Earlier">Notebooks whose entries (and pages) are from earlier runs.</param>
    /// <param name="ReplacedParameters">Notebooks whose earlier pages were made with other parameters, with a description of the change.</param>
    /// <param name="Unreadable">The earlier summary could not be read (it was replaced); null when it was fine or absent.</param>
    public sealed record Update(IReadOnlyList<string> Earlier, IReadOnlyList<string> ReplacedParameters, string? Unreadable);

    /// <summary>Writes a summary of exactly <paramref name="results"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<NotebookRunResult> results) => Save(path, results.Select(Entry));

    /// <summary>
    /// Updates the summary at <paramref name="path"/> with <paramref name="results"/>: their entries replace those of the same
    /// notebooks; entries of other notebooks stay when their executed copy and page still exist.
    /// </summary>
    public static Update Merge(string path, IReadOnlyList<NotebookRunResult> results)
    {
        var (earlier, unreadable) = Read(path);
        var names = results.Select(r => r.Notebook).ToHashSet(StringComparer.Ordinal);
        var kept = earlier.Where(e => !names.Contains(NameOf(e)) && File.Exists(PathOf(e, "executed")) && File.Exists(PathOf(e, "html"))).ToList();
        var replaced = new List<string>();
        foreach (var r in results)
        {
            var before = earlier.FirstOrDefault(e => NameOf(e) == r.Notebook);
            if (before is null) continue;
            string old = Describe(before["parameters"] as JsonObject), now = Describe(r.Parameters);
            if (old != now) replaced.Add($"{r.Notebook} ({old} -> {now})");
        }
        Save(path, kept.Select(e => (JsonObject)e.DeepClone()).Concat(results.Select(Entry)));
        return new Update(kept.Select(NameOf).ToArray(), replaced, unreadable);
    }

    private static JsonObject Entry(NotebookRunResult r)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in r.Parameters ?? new Dictionary<string, string>()) parameters[name] = value;
        return new JsonObject
        {
            ["notebook"] = r.Notebook,
            ["cells"] = r.CodeCells,
            ["seconds"] = Math.Round(r.Seconds, 2),
            ["status"] = r.Status,
            ["firstError"] = r.Failure is null ? null : new JsonObject
            {
                ["cell"] = r.Failure.Cell,
                ["firstLine"] = r.Failure.FirstLine,
                ["message"] = r.Failure.Message,
                ["kind"] = r.Failure.Kind,
            },
            ["parameters"] = parameters,
            ["finished"] = DateTimeOffset.UtcNow.ToString("u"),
            ["executed"] = r.ExecutedPath,
            ["html"] = r.HtmlPath,
            ["htmlBytes"] = File.Exists(r.HtmlPath) ? new FileInfo(r.HtmlPath).Length : 0,
            ["executedBytes"] = File.Exists(r.ExecutedPath) ? new FileInfo(r.ExecutedPath).Length : 0,
        };
    }

    private static void Save(string path, IEnumerable<JsonObject> entries)
    {
        var list = new JsonArray();
        foreach (var e in entries.OrderBy(NameOf, StringComparer.Ordinal)) list.Add(e);
        var root = new JsonObject { ["generated"] = DateTimeOffset.UtcNow.ToString("u"), ["notebooks"] = list };
        AtomicFile.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static (List<JsonObject> Entries, string? Unreadable) Read(string path)
    {
        if (!File.Exists(path)) return ([], null);
        try
        {
            var entries = JsonNode.Parse(File.ReadAllText(path))?["notebooks"] as JsonArray
                          ?? throw new JsonException("it has no \"notebooks\" list");
            return (entries.OfType<JsonObject>().Where(e => NameOf(e).Length > 0).ToList(), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return ([], $"{path} could not be read ({e.Message}); it was replaced");
        }
    }

    private static string NameOf(JsonObject entry) => entry["notebook"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : "";

    private static string PathOf(JsonObject entry, string key) => entry[key] is JsonValue v && v.TryGetValue<string>(out var path) ? path : "";

    private static string Describe(JsonObject? parameters) =>
        parameters is null || parameters.Count == 0 ? "default parameters"
        : string.Join(", ", parameters.Select(p => $"{p.Key}={(p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString())}"));

    private static string Describe(IReadOnlyDictionary<string, string>? parameters) =>
        parameters is null || parameters.Count == 0 ? "default parameters" : string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));
}
