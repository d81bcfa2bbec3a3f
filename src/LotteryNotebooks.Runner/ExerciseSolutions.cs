using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LotteryNotebooks.Runner;

/// <summary>
/// The teacher's version of a notebook: the runner's <c>--solutions</c> merges the solutions kept in
/// <c>notebooks/solutions/NN-name.md</c> into the notebook's answer cells before running it. Students' notebooks never
/// contain solutions: an answer cell (tagged <c>answer</c>, with a cell id such as <c>answer-3</c>) holds a placeholder
/// (<c>null</c>) that the notebook's grading cell reports as "not answered yet".
/// <para>
/// A solutions file is Markdown: an optional introduction, then one section per answer cell, headed <c>## answer-3</c>,
/// holding notes for the teacher and exactly one fenced <c>```csharp</c> block that replaces the answer cell's source.
/// The notes go into a markdown cell after the answer, and a banner at the top marks the copy as the teacher's.
/// </para>
/// </summary>
public static partial class ExerciseSolutions
{
    /// <summary>The tag of answer cells.</summary>
    public const string AnswerTag = "answer";

    /// <summary>The folder, beside the notebooks, that holds the solutions files.</summary>
    public const string FolderName = "solutions";

    /// <summary>Where the solutions of <paramref name="notebookPath"/> are kept: <c>solutions/&lt;name&gt;.md</c> beside it.</summary>
    public static string PathFor(string notebookPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, FolderName, Path.GetFileNameWithoutExtension(notebookPath) + ".md");

    /// <summary>The answer cells of a notebook, by cell id, in order.</summary>
    public static IReadOnlyList<(string Id, JsonObject Cell)> AnswerCells(NotebookDocument notebook) =>
        notebook.Cells.OfType<JsonObject>()
            .Where(c => NotebookDocument.TagsOf(c).Contains(AnswerTag))
            .Select(c => (c["id"]?.GetValue<string>() ?? "", c))
            .ToArray();

    /// <summary>
    /// Merges the notebook's solutions into it (in memory). A notebook without answer cells is left as it is.
    /// </summary>
    /// <exception cref="InvalidDataException">An answer cell has no id or no solution, the solutions file is missing,
    /// names a cell the notebook does not have, or a section lacks its single <c>```csharp</c> block.</exception>
    public static void Merge(NotebookDocument notebook)
    {
        var answers = AnswerCells(notebook);
        if (answers.Count == 0) return;
        string path = PathFor(notebook.Path);
        if (!File.Exists(path))
            throw new InvalidDataException($"--solutions: {notebook.FileName} has {answers.Count} answer cells but no solutions file {path}.");
        var solutions = Parse(path);
        foreach (var (id, _) in answers)
        {
            if (id.Length == 0) throw new InvalidDataException($"--solutions: {notebook.FileName} has an answer cell without a cell id.");
            if (!solutions.ContainsKey(id))
                throw new InvalidDataException($"--solutions: {path} has no section '## {id}' for the answer cell {id} of {notebook.FileName}.");
        }
        var unknown = solutions.Keys.Except(answers.Select(a => a.Id)).ToArray();
        if (unknown.Length > 0)
            throw new InvalidDataException($"--solutions: {path} has sections for cells {notebook.FileName} does not have: {string.Join(", ", unknown)}.");

        foreach (var (id, cell) in answers)
        {
            var (code, notes) = solutions[id];
            cell["source"] = Lines(code);
            if (notes.Length > 0)
                notebook.Cells.Insert(notebook.Cells.IndexOf(cell) + 1, Markdown($"solution-notes-{id}", $"**Solution notes ({id}, teacher's version).** {notes}"));
        }
        notebook.Cells.Insert(Math.Min(1, notebook.Cells.Count), Markdown("teachers-version",
            "> **Teacher's version.** The runner merged the solutions (`notebooks/solutions/" + Path.GetFileName(path) +
            "`) into this copy's answer cells (`--solutions`). Do not hand it out: students work on the notebooks in `notebooks/`, whose answer cells are empty."));
    }

    /// <summary>Reads a solutions file: cell id to (the answer cell's new source, the teacher's notes).</summary>
    /// <exception cref="InvalidDataException">A section has no <c>```csharp</c> block or more than one, or an id repeats.</exception>
    public static IReadOnlyDictionary<string, (string Code, string Notes)> Parse(string path)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        string? id = null;
        var notes = new StringBuilder();
        StringBuilder? code = null;
        int blocks = 0;
        bool inBlock = false;
        void Close()
        {
            if (id is null) return;
            if (blocks != 1) throw new InvalidDataException($"{path}: section '## {id}' must hold exactly one ```csharp block; it holds {blocks}.");
            if (result.ContainsKey(id)) throw new InvalidDataException($"{path}: section '## {id}' appears twice.");
            result[id] = (code!.ToString().TrimEnd(), notes.ToString().Trim());
        }
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (inBlock)
            {
                if (line.TrimEnd() == "```") inBlock = false;
                else code!.Append(line).Append('\n');
                continue;
            }
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                Close();
                id = heading.Groups["id"].Value;
                notes.Clear();
                code = null;
                blocks = 0;
                continue;
            }
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) && id is not null)
            {
                if (line.Trim() != "```csharp") throw new InvalidDataException($"{path}, line {lineNumber}: code blocks of a solution must be ```csharp.");
                blocks++;
                code = blocks == 1 ? new StringBuilder() : code;
                inBlock = true;
                continue;
            }
            if (id is not null) notes.Append(line).Append('\n');
        }
        if (inBlock) throw new InvalidDataException($"{path}: the ```csharp block of section '## {id}' is not closed.");
        Close();
        return result;
    }

    private static JsonArray Lines(string text)
    {
        var lines = text.Split('\n');
        return new JsonArray(lines.Select((l, i) => (JsonNode)JsonValue.Create(i < lines.Length - 1 ? l + "\n" : l)!).ToArray());
    }

    private static JsonObject Markdown(string id, string text) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = id,
        ["metadata"] = new JsonObject(),
        ["source"] = Lines(text),
    };

    [GeneratedRegex(@"^##\s+(?<id>answer-[\w-]+)\s*$")]
    private static partial Regex Heading();
}
