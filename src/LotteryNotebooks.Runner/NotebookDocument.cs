using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

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
        if (root["nbformat"]?.GetValueKind() is not JsonValueKind.Number || root["nbformat"]!.GetValue<int>() != 4)
            throw new NotebookFormatException($"{path} is not a valid notebook: only nbformat 4 is supported.");
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"]?.GetValue<string>() is not ("code" or "markdown" or "raw"))
                throw new NotebookFormatException($"{path} is not a valid notebook: cell {i + 1} has no valid cell_type.");
            if (cell["source"] is not (JsonArray or JsonValue))
                throw new NotebookFormatException($"{path} is not a valid notebook: cell {i + 1} has no source.");
        }
        return new NotebookDocument(System.IO.Path.GetFullPath(path), root);
    }

    /// <summary>A deep copy, for writing the executed version without touching the source.</summary>
    public NotebookDocument Clone() => new(Path, (JsonObject)_root.DeepClone());

    /// <summary>The cell's source as one string (Jupyter stores it as a list of lines or a string).</summary>
    public static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    /// <summary>The cell's kernel language; Polyglot notebooks record it per cell, other notebooks default to C#.</summary>
    public static string LanguageOf(JsonObject cell) =>
        cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
        ?? "csharp";

    /// <summary>Tags of a cell (Jupyter's <c>metadata.tags</c>).</summary>
    public static IReadOnlyList<string> TagsOf(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToArray() : [];

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

    /// <summary>Writes the notebook as indented JSON (one space, as Jupyter does).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 1 }) + "\n");
    }

    // A top-level declaration: optional modifiers, a type (or var), a name and '=' (not '==').
    [GeneratedRegex(@"^\s*(?:const\s+)?(?:var|[A-Za-z_][\w<>\[\],.?]*(?:\s*\[\])?)\s+(?<name>[A-Za-z_]\w*)\s*=(?!=)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}

/// <summary>The file is not a notebook the runner can read.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
