using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LotteryTickets.Workbook;

namespace LotteryNotebooks.Runner;

/// <summary>
/// A Jupyter notebook (.ipynb, nbformat 4) held as JSON, so that everything the runner does not
/// touch (metadata, tags, attachments) is written back unchanged.
/// </summary>
public sealed partial class NotebookDocument
{
    private readonly JsonObject _root;

    private NotebookDocument(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>File name without folder, e.g. <c>01-subset-sum-one-dimension.ipynb</c>.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The cells, in order.</summary>
    public JsonArray Cells => (JsonArray)_root["cells"]!;

    /// <summary>Reads and validates a notebook; a malformed file gives a <see cref="NotebookFormatException"/> naming it.</summary>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook not found: {path}", path);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{path} is not a valid notebook: not valid JSON ({e.Message})");
        }
        if (node is not JsonObject root || root["cells"] is not JsonArray cells)
            throw new NotebookFormatException($"{path} is not a valid notebook: it has no \"cells\" list.");
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out int version) || version != 4)
            throw new NotebookFormatException($"{path} is not a valid notebook: only nbformat 4 is supported.");
        for (int i = 0; i < cells.Count; i++) CheckCell(path, cells[i], i + 1);
        return new NotebookDocument(System.IO.Path.GetFullPath(path), root);
    }

    // Everything the runner reads from a cell must have the type nbformat 4 gives it, so that a malformed notebook is
    // refused up front, naming the file and the cell, rather than failing later with a bare JSON conversion error.
    private static void CheckCell(string path, JsonNode? node, int number)
    {
        string Where(string what) => $"{path} is not a valid notebook: cell {number} {what}";
        if (node is not JsonObject cell) throw new NotebookFormatException(Where("is not a JSON object."));
        if (!IsString(cell["cell_type"], out var type) || type is not ("code" or "markdown" or "raw"))
            throw new NotebookFormatException(Where($"has no valid cell_type (code, markdown or raw); it has {Describe(cell["cell_type"])}."));
        switch (cell["source"])
        {
            case JsonValue v when IsString(v, out _): break;
            case JsonArray lines when lines.All(l => IsString(l, out _)): break;
            case var other:
                throw new NotebookFormatException(Where($"has a source that is {Describe(other)}; a source must be a string or a list of strings."));
        }
        if (cell["metadata"] is { } metadata)
        {
            if (metadata is not JsonObject)
                throw new NotebookFormatException(Where($"has metadata that is {Describe(metadata)}, not an object."));
            if (metadata["tags"] is { } tags && (tags is not JsonArray list || !list.All(t => IsString(t, out _))))
                throw new NotebookFormatException(Where("has metadata.tags that is not a list of strings."));
            foreach (var (owner, key) in new[] { ("polyglot_notebook", "kernelName"), ("dotnet_interactive", "language") })
                if (metadata[owner] is { } section && (section is not JsonObject || section[key] is { } value && !IsString(value, out _)))
                    throw new NotebookFormatException(Where($"has metadata.{owner}.{key} that is not a string."));
        }
        if (type == "code" && cell["outputs"] is { } outputs && outputs is not JsonArray)
            throw new NotebookFormatException(Where($"has outputs that are {Describe(outputs)}, not a list."));
    }

    private static bool IsString(JsonNode? node, out string text)
    {
        text = "";
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue(out text!);
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "none",
        JsonObject => "an object",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.Number => $"a number ({node.ToJsonString()})",
            JsonValueKind.True or JsonValueKind.False => $"a boolean ({node.ToJsonString()})",
            JsonValueKind.Null => "null",
            _ => node.ToJsonString(),
        },
    };

    /// <summary>The cell's type: code, markdown or raw (checked when the notebook was loaded).</summary>
    public static string CellTypeOf(JsonObject cell) => IsString(cell["cell_type"], out var type) ? type : "";

    /// <summary>A deep copy, for writing the executed version without touching the source.</summary>
    public NotebookDocument Clone() => new(Path, (JsonObject)_root.DeepClone());

    /// <summary>The cell's source as one string (Jupyter stores it as a list of lines or a string).</summary>
    public static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => IsString(l, out var line) ? line : "")),
        JsonValue text => IsString(text, out var whole) ? whole : "",
        _ => "",
    };

    /// <summary>The cell's kernel language; Polyglot notebooks record it per cell, other notebooks default to C#.</summary>
    public static string LanguageOf(JsonObject cell) =>
        IsString(cell["metadata"]?["polyglot_notebook"]?["kernelName"], out var kernel) ? kernel
        : IsString(cell["metadata"]?["dotnet_interactive"]?["language"], out var language) ? language
        : "csharp";

    /// <summary>Tags of a cell (Jupyter's <c>metadata.tags</c>).</summary>
    public static IReadOnlyList<string> TagsOf(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags ? tags.Select(t => IsString(t, out var tag) ? tag : "").ToArray() : [];

    /// <summary>Index of the cell tagged <c>parameters</c>, or -1.</summary>
    public int ParametersCellIndex()
    {
        for (int i = 0; i < Cells.Count; i++)
            if (Cells[i] is JsonObject c && TagsOf(c).Contains("parameters")) return i;
        return -1;
    }

    /// <summary>Names the parameters cell declares at top level (<c>int n = 12;</c>, <c>var eps = new[] { 0.1 };</c>).</summary>
    public IReadOnlyList<string> ParameterNames()
    {
        int index = ParametersCellIndex();
        if (index < 0) return [];
        return Declaration().Matches(SourceOf((JsonObject)Cells[index]!)).Select(m => m.Groups["name"].Value).Distinct().ToArray();
    }

    /// <summary>
    /// Inserts, papermill-style, a cell after the parameters cell that assigns the given C# expressions
    /// to the declared parameters. Assignment (not redeclaration) keeps each parameter's declared type,
    /// so a value of the wrong type is a compile error naming the parameter.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not declared in the parameters cell, or the notebook has none.</exception>
    public void InjectParameters(IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0) return;
        int index = ParametersCellIndex();
        if (index < 0)
            throw new ArgumentException($"{FileName} has no cell tagged 'parameters', so --set cannot be used with it.", nameof(values));
        var known = ParameterNames();
        foreach (var name in values.Keys)
            if (!known.Contains(name))
                throw new ArgumentException(
                    $"--set {name}: {FileName} has no parameter '{name}'; its parameters are: {string.Join(", ", known)}.", nameof(values));
        var source = new List<string> { "// Parameters injected by the notebook runner (--set)\n" };
        source.AddRange(values.Select(kv => $"{kv.Key} = {kv.Value};\n"));
        source[^1] = source[^1].TrimEnd('\n');
        var cell = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject
            {
                ["tags"] = new JsonArray("injected-parameters"),
                ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            },
            ["outputs"] = new JsonArray(),
            ["source"] = new JsonArray(source.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
        };
        Cells.Insert(index + 1, cell);
    }

    /// <summary>
    /// Writes the notebook atomically as indented JSON, as Jupyter does: one space of indentation, and characters such as
    /// <c>&lt;</c>, <c>&amp;</c> or <c>ε</c> written as themselves rather than as <c>\u003C</c> escapes (which made chart
    /// outputs about 18 % larger).
    /// </summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, _root.ToJsonString(FileOptions) + "\n");

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // A top-level declaration: optional modifiers, a type (or var), a name and '=' (not '==').
    [GeneratedRegex(@"^\s*(?:const\s+)?(?:var|[A-Za-z_][\w<>\[\],.?]*(?:\s*\[\])?)\s+(?<name>[A-Za-z_]\w*)\s*=(?!=)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}

/// <summary>The file is not a notebook the runner can read.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
