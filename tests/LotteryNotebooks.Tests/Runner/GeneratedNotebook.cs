using System.Text.Json.Nodes;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>Writes small C# notebooks for the runner's tests (so that deliberately crashing notebooks live only in test output folders).</summary>
internal static class GeneratedNotebook
{
    /// <summary>A notebook with a markdown title and one code cell per entry of <paramref name="codeCells"/>.</summary>
    public static string Write(string folder, string name, params string[] codeCells)
    {
        var cells = new JsonArray { new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = $"# {name}" } };
        foreach (var code in codeCells) cells.Add(Code(code));
        return Save(folder, name, cells);
    }

    /// <summary>A code cell as Polyglot Notebooks writes it.</summary>
    public static JsonObject Code(string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    /// <summary>Writes <paramref name="cells"/> as an nbformat 4 notebook and returns its path.</summary>
    public static string Save(string folder, string name, JsonArray cells)
    {
        Directory.CreateDirectory(folder);
        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
