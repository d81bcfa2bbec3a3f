using System.Text;
using LotteryTickets.Workbook;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Where a run writes, decided and checked before anything runs. The default run goes to <c>artifacts/notebooks</c>
/// with its summary in <c>artifacts/run-summary.json</c>; a what-if run (<c>--set</c> without <c>--output</c>) goes to
/// <c>artifacts/what-if/NAME=VALUE,…</c>, apart from the default run's pages; <c>--output DIR</c> goes to DIR with its
/// summary inside; the teacher's version (<c>--solutions</c>) goes to <c>artifacts/solutions</c>. Refused: a folder that is a file or cannot be written, the workbook's source notebooks folder, and any
/// output file that would overwrite an input notebook.
/// </summary>
/// <param name="Folder">Where executed notebooks and pages go.</param>
/// <param name="SummaryPath">The run summary of that folder.</param>
/// <param name="WhatIf">A what-if run placed in its own folder.</param>
internal sealed record RunOutput(string Folder, string SummaryPath, bool WhatIf)
{
    /// <summary>Decides the folder for <paramref name="command"/>.</summary>
    public static RunOutput Plan(RunnerCommandLine command, WorkbookEnvironment environment)
    {
        if (command.OutputFolder is not null)
        {
            string folder = Path.GetFullPath(command.OutputFolder);
            return new RunOutput(folder, Path.Combine(folder, "run-summary.json"), WhatIf: false);
        }
        if (command.Solutions)
        {
            // The teacher's version never mixes with the students' pages; a what-if teacher's run gets its own subfolder.
            string folder = Path.Combine(environment.ArtifactsFolder, "solutions");
            if (command.Parameters.Count > 0) folder = Path.Combine(folder, Label(command.Parameters));
            return new RunOutput(folder, Path.Combine(folder, "run-summary.json"), WhatIf: command.Parameters.Count > 0);
        }
        if (command.Parameters.Count > 0)
        {
            string folder = Path.Combine(environment.ArtifactsFolder, "what-if", Label(command.Parameters));
            return new RunOutput(folder, Path.Combine(folder, "run-summary.json"), WhatIf: true);
        }
        return new RunOutput(Path.Combine(environment.ArtifactsFolder, "notebooks"), Path.Combine(environment.ArtifactsFolder, "run-summary.json"), WhatIf: false);
    }

    /// <summary>
    /// A folder name for a what-if run: <c>n=24,eps=1e-3</c>. Characters outside letters, digits and <c>.=,+-_</c> become
    /// <c>_</c>; a name that had to change or is long gets a short hash of the parameters, so different runs never share a folder.
    /// </summary>
    public static string Label(IReadOnlyDictionary<string, string> parameters)
    {
        string raw = string.Join(",", parameters.Select(p => $"{p.Key}={p.Value.Trim()}"));
        var safe = new StringBuilder();
        foreach (char c in raw) safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '=' or ',' or '+' or '-' or '_' ? c : '_');
        string label = safe.ToString();
        if (label == raw && label.Length <= 60 && !label.StartsWith('.')) return label;
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..8];
        return (label.Length > 50 ? label[..50] : label).TrimStart('.') + "-" + hash;
    }

    /// <summary>
    /// Creates the folder and checks that the run can write there without touching any input.
    /// </summary>
    /// <exception cref="UsageException">The folder is a file, cannot be created or written, is the source notebooks folder,
    /// or an output would overwrite an input.</exception>
    public void Check(IReadOnlyList<string> notebooks, string sourceNotebooksFolder)
    {
        string name = $"the output folder {Folder}";
        if (File.Exists(Folder)) throw new UsageException($"--output {Folder} is a file, not a folder.");
        if (SamePath(Folder, sourceNotebooksFolder))
            throw new UsageException($"--output {Folder} is the workbook's source notebooks folder: executed copies never go there, so the source notebooks stay as committed. Choose another folder.");
        try
        {
            Directory.CreateDirectory(Folder);
            string probe = Path.Combine(Folder, $".runner-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"--output: cannot write to {name}: {e.Message}");
        }

        var inputs = notebooks.Select(Path.GetFullPath).ToArray();
        var written = new Dictionary<string, string>(PathComparer);
        foreach (var input in inputs)
        {
            string stem = Path.GetFileNameWithoutExtension(input);
            foreach (var output in new[] { Path.Combine(Folder, stem + ".ipynb"), Path.Combine(Folder, stem + ".html") })
            {
                if (written.TryGetValue(output, out var other))
                    throw new UsageException($"{other} and {input} would both be written to {output}: run them with different --output folders.");
                written[output] = input;
                if (Directory.Exists(output)) throw new UsageException($"cannot write {output}: it is a folder.");
            }
        }
        foreach (var output in written.Keys.Append(SummaryPath))
            foreach (var input in inputs)
                if (SamePath(output, input))
                    throw new UsageException($"--output {Folder} would overwrite the source notebook {input} with its executed copy: choose another folder (sources are never modified).");
    }

    private static StringComparer PathComparer => OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>Whether two paths name the same file or folder, symbolic links resolved.</summary>
    internal static bool SamePath(string a, string b) => PathComparer.Equals(RealPath(a), RealPath(b));

    // The path with every existing symbolic link along it resolved (what realpath(3) gives for the existing part).
    private static string RealPath(string path, int depth = 0)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string root = Path.GetPathRoot(full)!;
        string current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null && depth < 32 && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                next = RealPath(target.FullName, depth + 1);
            current = next;
        }
        return current;
    }
}
