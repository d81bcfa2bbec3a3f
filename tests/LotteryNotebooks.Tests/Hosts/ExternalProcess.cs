using System.Diagnostics;

namespace LotteryNotebooks.Tests.Hosts;

/// <summary>The outcome of a finished external command.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>The last part of both streams, for failure messages.</summary>
    public string Tail(int characters = 4000)
    {
        string text = (StandardOutput + "\n" + StandardError).Trim();
        return text.Length <= characters ? text : "…" + text[^characters..];
    }
}

/// <summary>Runs a command to completion with a wall-clock limit, killing its whole process tree on timeout.</summary>
internal static class ExternalProcess
{
    /// <summary>
    /// Variables that <c>dotnet test</c> sets for its own MSBuild and test host; a notebook kernel started
    /// from the test must not inherit them (they would steer its own package restores).
    /// </summary>
    private static readonly string[] InheritedNoise = ["MSBUILD", "MSBuild", "VSTEST", "DOTNET_HOST_PATH", "TESTINGPLATFORM"];

    /// <summary>Whether an executable of that name is on PATH (or is an existing path).</summary>
    public static bool OnPath(string name) => Find(name) is not null;

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? Find(string name) =>
        File.Exists(name) ? Path.GetFullPath(name)
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
                                    IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var args = arguments.ToList();
        foreach (var argument in args) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(k => InheritedNoise.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Debian's Python prints a debugger warning about frozen modules on every jupyter command.
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        if (environment is not null)
            foreach (var (key, value) in environment) start.Environment[key] = value;

        string command = fileName + " " + string.Join(" ", args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start: {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(
                $"'{command}' (in {workingDirectory}) did not finish within {timeout.TotalMinutes:0.#} minutes and was stopped. Output so far:\n" +
                new ProcessResult(command, -1, stdout.Result, stderr.Result, clock.Elapsed).Tail());
        }
        process.WaitForExit();
        return new ProcessResult(command, process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
