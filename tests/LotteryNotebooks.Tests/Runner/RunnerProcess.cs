using System.Diagnostics;
using System.Text;

namespace LotteryNotebooks.Tests.Runner;

/// <summary>Runs the runner's console program as a user would, from the repository's top.</summary>
internal static class RunnerProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args) => Start(args).Finish();

    /// <summary>Starts the runner without waiting for it.</summary>
    public static Running Start(params string[] args)
    {
        string dll = Path.Combine(Repository.Root, "src", "LotteryNotebooks.Runner", "bin", "Release", "net10.0", "LotteryNotebooks.Runner.dll");
        Assert.True(File.Exists(dll), $"The runner is not built at {dll}: run dotnet build -c Release first.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return new Running(Process.Start(start)!, args);
    }

    /// <summary>A runner process whose output is collected as it comes.</summary>
    public sealed class Running
    {
        private readonly Process _process;
        private readonly string[] _args;
        private readonly StringBuilder _output = new(), _error = new();

        public Running(Process process, string[] args)
        {
            (_process, _args) = (process, args);
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Append(e.Data).Append('\n'); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_error) _error.Append(e.Data).Append('\n'); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public string OutputSoFar { get { lock (_output) return _output.ToString(); } }

        /// <summary>Waits until the output contains <paramref name="text"/>.</summary>
        public void WaitFor(string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!OutputSoFar.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited || clock.Elapsed > timeout)
                    throw new TimeoutException($"The runner did not print '{text}' (exited: {_process.HasExited}); output so far:\n{OutputSoFar}");
                Thread.Sleep(50);
            }
        }

        public Outcome Finish()
        {
            if (!_process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The runner did not finish within 5 minutes: {string.Join(' ', _args)}");
            }
            _process.WaitForExit();
            string error;
            lock (_error) error = _error.ToString();
            var outcome = new Outcome(_process.ExitCode, OutputSoFar, error);
            _process.Dispose();
            return outcome;
        }
    }
}
