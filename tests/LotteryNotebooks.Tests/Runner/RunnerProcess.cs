using System.Diagnostics;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>Runs the runner's console program as a user would, from the repository's top.</summary>
internal static class RunnerProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args)
    {
        string dll = Path.Combine(Repository.Root, "src", "LotteryNotebooks.Runner", "bin", "Release", "net10.0", "LotteryNotebooks.Runner.dll");
        Assert.True(File.Exists(dll), $"The runner is not built at {dll}: run dotnet build -c Release first.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The runner did not finish within 5 minutes: {string.Join(' ', args)}");
        }
        return new Outcome(process.ExitCode, output.Result, error.Result);
    }
}
