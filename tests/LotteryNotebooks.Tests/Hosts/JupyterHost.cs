using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LotteryNotebooks.Tests.Hosts;

/// <summary>
/// Runs notebooks the way a reader's Jupyter does: <c>jupyter nbconvert --execute</c> on the
/// <c>.net-csharp</c> kernel of the dotnet-interactive tool pinned in <c>.config/dotnet-tools.json</c>,
/// started in the notebook's folder. Preparing it restores the local tool and registers the kernel in a
/// private Jupyter data folder under the artifacts (the reader's own Jupyter is not touched).
/// </summary>
internal sealed class JupyterHost
{
    public const string KernelName = ".net-csharp";

    /// <summary>The Debian packages these checks need (the same list .ci/run installs).</summary>
    public const string AptInstall =
        "apt-get install -y --no-install-recommends chromium jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel   (as root)";

    /// <summary>Per-cell limit given to nbconvert; the workbook's cells take seconds to about a minute.</summary>
    public static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Limit for one whole notebook run, kernel start included.</summary>
    public static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(12);

    private JupyterHost(string repositoryRoot, string outputFolder, string jupyterPath, string toolVersion)
    {
        RepositoryRoot = repositoryRoot;
        OutputFolder = outputFolder;
        JupyterPath = jupyterPath;
        ToolVersion = toolVersion;
    }

    public string RepositoryRoot { get; }

    /// <summary>Where executed notebooks and their HTML pages go: <c>artifacts/hosts/jupyter/</c>.</summary>
    public string OutputFolder { get; }

    /// <summary>The private Jupyter data folder holding <c>kernels/.net-csharp/kernel.json</c>.</summary>
    public string JupyterPath { get; }

    /// <summary>The dotnet-interactive version the tool manifest pins.</summary>
    public string ToolVersion { get; }

    /// <summary>Setup notes (what was restored, installed, built), for the test log.</summary>
    public List<string> Log { get; } = [];

    /// <summary>
    /// Checks the prerequisites (failing with what to install), restores the pinned tool, registers the
    /// kernel, and makes sure the library the notebooks reference is built.
    /// </summary>
    public static JupyterHost Prepare()
    {
        string root = Repository.Root;
        var missing = new List<string>();
        if (!ExternalProcess.OnPath("jupyter")) missing.Add("jupyter (Debian package jupyter-core, pulled in by jupyter-nbconvert)");
        else
        {
            var nbconvert = ExternalProcess.Run("jupyter", ["nbconvert", "--version"], root, TimeSpan.FromMinutes(1));
            if (nbconvert.ExitCode != 0) missing.Add("jupyter nbconvert (jupyter-nbconvert): " + nbconvert.Tail(300));
            // The Python that runs jupyter (its shebang), not whichever python3 comes first on PATH.
            var modules = ExternalProcess.Run(JupyterPython(), ["-c", "import nbclient, jupyter_client"], root, TimeSpan.FromMinutes(1));
            if (modules.ExitCode != 0) missing.Add("the Python modules nbclient and jupyter_client (python3-nbclient, jupyter-client): " + modules.Tail(300));
        }
        if (!File.Exists(Browser.HeadlessChromium.Executable)) missing.Add($"chromium ({Browser.HeadlessChromium.Executable}, Debian package chromium)");
        if (missing.Count > 0)
            throw new InvalidOperationException(
                "The Jupyter host checks need software that is not installed: " + string.Join("; ", missing) +
                ".\nInstall it with:\n  " + AptInstall);

        string toolVersion = ToolManifest.PinnedVersion(root, "microsoft.dotnet-interactive");
        var restore = ExternalProcess.Run("dotnet", ["tool", "restore"], root, TimeSpan.FromMinutes(5));
        if (restore.ExitCode != 0)
            throw new InvalidOperationException($"'dotnet tool restore' failed in {root} (it installs dotnet-interactive {toolVersion} from .config/dotnet-tools.json):\n{restore.Tail()}");

        var environment = Repository.Environment;
        string output = Path.Combine(environment.ArtifactsFolder, "hosts", "jupyter");
        string jupyterPath = Path.Combine(environment.ArtifactsFolder, "hosts", "jupyter-data");
        string kernels = Path.Combine(jupyterPath, "kernels");
        Directory.CreateDirectory(output);
        Directory.CreateDirectory(kernels);
        // The same command a reader runs (without --path it registers the kernel for the user's Jupyter).
        // It is idempotent: it rewrites the kernel specs each time.
        var install = ExternalProcess.Run("dotnet", ["interactive", "jupyter", "install", "--path", kernels], root, TimeSpan.FromMinutes(2));
        string kernelJson = Path.Combine(kernels, KernelName, "kernel.json");
        if (install.ExitCode != 0 || !File.Exists(kernelJson))
            throw new InvalidOperationException($"'dotnet interactive jupyter install --path {kernels}' did not register {KernelName}:\n{install.Tail()}");

        var host = new JupyterHost(root, output, jupyterPath, toolVersion);
        host.Log.Add($"dotnet tool restore: {restore.Elapsed.TotalSeconds:F1} s; kernel registered in {kernels} ({install.Elapsed.TotalSeconds:F1} s)");
        host.Log.Add(LotteryNotebooks.Runner.LibraryBuild.EnsureBuilt(root, environment.Library));
        return host;
    }

    private static string JupyterPython()
    {
        string? jupyter = ExternalProcess.Find("jupyter");
        string shebang = jupyter is null ? "" : File.ReadLines(jupyter).FirstOrDefault() ?? "";
        if (!shebang.StartsWith("#!", StringComparison.Ordinal)) return "python3";
        var parts = shebang[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [var env, var interpreter, ..] && env.EndsWith("/env", StringComparison.Ordinal) ? interpreter
             : parts.Length > 0 ? parts[0] : "python3";
    }

    /// <summary>
    /// Executes <paramref name="notebookPath"/> top to bottom with <c>jupyter nbconvert --execute</c> in the
    /// notebook's folder; throws with the notebook, the failing cell and its error when a cell fails.
    /// </summary>
    public ExecutedNotebook Execute(string notebookPath)
    {
        string notebook = Path.GetFullPath(notebookPath);
        string name = Path.GetFileName(notebook);
        string executed = Path.Combine(OutputFolder, name);
        string errorFile = Path.Combine(OutputFolder, Path.GetFileNameWithoutExtension(name) + ".cell-error.json");
        File.Delete(executed);
        File.Delete(errorFile);

        var run = ExternalProcess.Run("jupyter",
        [
            "nbconvert", "--config", Path.Combine(RepositoryRoot, "tests", "LotteryNotebooks.Tests", "Hosts", "record_cell_error.py"),
            "--to", "notebook", "--execute", notebook, "--output-dir", OutputFolder,
            $"--ExecutePreprocessor.kernel_name={KernelName}",
            $"--ExecutePreprocessor.timeout={(int)CellTimeout.TotalSeconds}",
            "--ExecutePreprocessor.startup_timeout=180",
        ], Path.GetDirectoryName(notebook)!, NotebookTimeout, new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = JupyterPath,
            ["LOTTERY_CELL_ERROR_FILE"] = errorFile,
        });

        string where = $"{Path.GetRelativePath(RepositoryRoot, notebook)} in Jupyter (kernel {KernelName}, dotnet-interactive {ToolVersion})";
        if (File.Exists(errorFile)) throw new NotebookHostException(DescribeCellError(where, errorFile));
        if (run.ExitCode != 0 || !File.Exists(executed))
        {
            string hint = run.StandardError.Contains("Kernel died before replying")
                ? "\nThe kernel did not start. Its command is 'dotnet interactive jupyter …' run in the notebook's folder, which finds " +
                  "the tool through the repository's .config/dotnet-tools.json: run 'dotnet tool restore' in the repository."
                : run.StandardError.Contains("CellTimeoutError") || run.StandardError.Contains("timed out")
                    ? $"\nA cell ran longer than the per-cell limit of {CellTimeout.TotalMinutes:0} minutes."
                    : "";
            throw new NotebookHostException($"{where} failed (nbconvert exit {run.ExitCode}).{hint}\n{run.Tail()}");
        }
        return ExecutedNotebook.Read(executed, run.Elapsed);
    }

    /// <summary>Writes the executed notebook as HTML with nbconvert's default template (outputs verbatim, scripts included).</summary>
    public (string Path, TimeSpan Elapsed) ToHtml(ExecutedNotebook notebook)
    {
        var run = ExternalProcess.Run("jupyter", ["nbconvert", "--to", "html", notebook.Path, "--output-dir", OutputFolder],
            OutputFolder, TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["JUPYTER_PATH"] = JupyterPath });
        string html = System.IO.Path.ChangeExtension(notebook.Path, ".html");
        if (run.ExitCode != 0 || !File.Exists(html))
            throw new InvalidOperationException($"'jupyter nbconvert --to html {notebook.Path}' failed:\n{run.Tail()}");
        return (html, run.Elapsed);
    }

    private static string DescribeCellError(string where, string errorFile)
    {
        var error = JsonNode.Parse(File.ReadAllText(errorFile))!.AsObject();
        int index = error["cell_index"]!.GetValue<int>();
        string source = error["source"]?.GetValue<string>() ?? "";
        var text = new StringBuilder();
        text.Append($"{where} failed at cell {index + 1} (counting markdown cells), which starts:\n");
        foreach (var line in source.Split('\n').Take(4)) text.Append("    ").Append(line.TrimEnd('\r')).Append('\n');
        foreach (var output in error["outputs"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            switch (output["output_type"]?.GetValue<string>())
            {
                case "stream" when output["name"]?.GetValue<string>() == "stderr":
                    text.Append("stderr: ").Append(Clip(JoinText(output["text"]).Trim(), 3000)).Append('\n');
                    break;
                case "error":
                    text.Append("error: ").Append(output["ename"]?.GetValue<string>()).Append(": ")
                        .Append(Clip(output["evalue"]?.GetValue<string>() ?? "", 3000)).Append('\n');
                    break;
            }
        }
        return text.ToString();
    }

    internal static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        _ => node.GetValue<string>(),
    };

    private static string Clip(string text, int characters) => text.Length <= characters ? text : text[..characters] + " …";
}

/// <summary>A notebook host reported a failing cell or could not run the notebook.</summary>
internal sealed class NotebookHostException(string message) : Exception(message);

/// <summary>Reads the repository's .NET tool manifest.</summary>
internal static class ToolManifest
{
    public static string Path(string root) => System.IO.Path.Combine(root, ".config", "dotnet-tools.json");

    public static string PinnedVersion(string root, string packageId)
    {
        string path = Path(root);
        if (!File.Exists(path)) throw new InvalidOperationException($"No tool manifest at {path}.");
        var tools = JsonNode.Parse(File.ReadAllText(path))!["tools"]?.AsObject();
        var entry = tools?.FirstOrDefault(t => string.Equals(t.Key, packageId, StringComparison.OrdinalIgnoreCase)).Value;
        return entry?["version"]?.GetValue<string>()
               ?? throw new InvalidOperationException($"{path} does not pin {packageId}.");
    }
}
