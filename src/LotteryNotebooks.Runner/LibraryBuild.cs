using System.Diagnostics;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Makes sure the library notebooks reference (<c>src/LotteryTickets/bin/Release/...</c>) exists and is not
/// older than its sources, building it in Release when it is, and saying so before it starts.
/// </summary>
public static class LibraryBuild
{
    /// <summary>How often a build in progress reports that it is still going.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Builds the library if its Release output is missing or stale; returns what it did.</summary>
    /// <param name="repositoryRoot">The repository's top folder.</param>
    /// <param name="libraryPathFromNotebooks">The library's path as notebooks reference it (environment.json's "library").</param>
    /// <param name="log">Receives what is happening while a build runs (before it starts, then every 15 s).</param>
    public static string EnsureBuilt(string repositoryRoot, string libraryPathFromNotebooks, Action<string>? log = null)
    {
        string dll = Path.GetFullPath(Path.Combine(repositoryRoot, "notebooks", libraryPathFromNotebooks));
        string? reason = StaleReason(repositoryRoot, dll);
        if (reason is null) return $"library up to date: {dll}";

        log?.Invoke($"Building the library (dotnet build src/LotteryTickets -c Release) because {reason}. A first build restores packages and " +
                    "copies TorchSharp's native libraries (about 480 MB); it can take a few minutes.");
        var clock = Stopwatch.StartNew();
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(repositoryRoot, "src", "LotteryTickets"), "-c", "Release", "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start 'dotnet build'.");
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        while (!build.WaitForExit(Heartbeat)) log?.Invoke($"  still building the library ({clock.Elapsed.TotalSeconds:F0} s)...");
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"Building the library failed (dotnet build src/LotteryTickets -c Release):\n{stdout.Result}{stderr.Result}");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The build succeeded but {dll} (environment.json's \"library\") does not exist.");
        return $"library built in {clock.Elapsed.TotalSeconds:F0} s: {dll}";
    }

    /// <summary>Why the library needs a build (its output is missing, or a source is newer), or null when it is up to date.</summary>
    internal static string? StaleReason(string repositoryRoot, string dll)
    {
        if (!File.Exists(dll)) return $"{dll} does not exist";
        var sources = new[] { "src/LotteryTickets", "src/LotteryTickets.Plotting" }
            .Select(p => Path.Combine(repositoryRoot, p))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".csproj")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var props = new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" }
            .Select(p => Path.Combine(repositoryRoot, p)).Where(File.Exists);
        DateTime built = File.GetLastWriteTimeUtc(dll);
        string? newest = sources.Concat(props).MaxBy(File.GetLastWriteTimeUtc);
        return newest is not null && File.GetLastWriteTimeUtc(newest) > built ? $"{Path.GetRelativePath(repositoryRoot, newest)} is newer than the build" : null;
    }
}
