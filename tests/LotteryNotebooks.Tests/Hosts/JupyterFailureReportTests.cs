using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace LotteryNotebooks.Tests.Hosts;

/// <summary>A notebook that fails in Jupyter is reported with the notebook, the cell and the compiler's own message.</summary>
[Collection(HostsCollection.Name)]
public sealed class JupyterFailureReportTests(JupyterHostFixture fixture, ITestOutputHelper log)
{
    [Fact]
    public void A_failing_cell_is_reported_with_the_notebook_the_cell_and_the_compiler_message()
    {
        var host = fixture.Host;
        // Inside the repository, so that the kernel command finds the tool manifest as it does for notebooks/.
        string folder = Path.Combine(host.OutputFolder, "failing");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "zz-deliberately-failing.ipynb");
        File.WriteAllText(path, Notebook(
            ("markdown", "# A notebook whose third cell does not compile"),
            ("code", "var reached = \"first code cell ran\";\nreached"),
            ("code", "int wrong = \"not a number\";"),
            ("code", "throw new InvalidOperationException(\"this cell must never run\");")).ToJsonString());

        var failure = Assert.Throws<NotebookHostException>(() => host.Execute(path));
        log.WriteLine(failure.Message);

        Assert.Contains("zz-deliberately-failing.ipynb", failure.Message);
        Assert.Contains("cell 3", failure.Message);
        Assert.Contains("int wrong = \"not a number\";", failure.Message);
        Assert.Contains("CS0029", failure.Message);                      // the compiler's message, not just "compilation error"
    }

    private static JsonObject Notebook(params (string Kind, string Source)[] cells)
    {
        var array = new JsonArray();
        foreach (var (kind, source) in cells)
        {
            var cell = new JsonObject { ["cell_type"] = kind, ["metadata"] = new JsonObject(), ["source"] = source };
            if (kind == "code")
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
                cell["metadata"] = new JsonObject
                {
                    ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                };
            }
            array.Add(cell);
        }
        return new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = JupyterHost.KernelName },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["cells"] = array,
        };
    }
}
