using System.Diagnostics;

namespace LotteryNotebooks.Runner;

/// <summary>
/// Makes sure the library notebooks reference (<c>src/LotteryTickets/bin/Release/...</c>) exists and is not
/// older than its sources, building it in Release when it is.
/// </summary>
public static class LibraryBuild
{
    /// <summary>Builds the library if its Release output is missing or stale; returns what it did.</summary>
    public static string EnsureBuilt(string repositoryRoot, string libraryPathFromNotebooks)
    {
        string dll = Path.GetFullPath(Path.Combine(repositoryRoot, "notebooks", libraryPathFromNotebooks));
        var sources = new[] { "src/LotteryTickets", "src/LotteryTickets.Plotting" }
            .Select(p => Path.Combine(repositoryRoot, p))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".csproj")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var props = new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" }
            .Select(p => Path.Combine(repositoryRoot, p)).Where(File.Exists);
        DateTime newestSource = sources.Concat(props).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();
        if (File.Exists(dll) && File.GetLastWriteTimeUtc(dll) >= newestSource) return $"library up to date: {dll}";

        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(repositoryRoot, "src", "LotteryTickets"), "-c", "Release", "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start 'dotnet build'.");
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"Building the library failed (dotnet build src/LotteryTickets -c Release):\n{stdout.Result}{stderr.Result}");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The build succeeded but {dll} (environment.json's \"library\") does not exist.");
        return $"library built: {dll}";
    }
}
