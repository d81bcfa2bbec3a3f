using System.Diagnostics;

namespace LotteryNotebooks.Tests.Browser;

/// <summary>
/// Opens a local HTML file in Debian's headless Chromium with every network request refused, runs its
/// scripts for a budget of virtual time, and returns the resulting DOM. A chart that needs the network
/// (a CDN copy of plotly.js or require.js) stays undrawn here.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>What to install when the browser is missing.</summary>
    public const string InstallHint = "apt-get install -y --no-install-recommends chromium   (as root)";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser's executable, or null when none is installed.</summary>
    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>
    /// The DOM of <paramref name="htmlPath"/> after its scripts ran for <paramref name="budget"/> of
    /// virtual time (timers fast-forward; the wall-clock limit is the budget plus a minute).
    /// </summary>
    public static string DumpDom(string htmlPath, TimeSpan budget)
    {
        string browser = Executable ?? throw new InvalidOperationException(
            "Headless Chromium is needed to check that charts render offline; install it with: " + InstallHint);
        string page = Path.GetFullPath(htmlPath);
        if (!File.Exists(page)) throw new FileNotFoundException("No page to open.", page);
        string profile = Path.Combine(Path.GetTempPath(), "lottery-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--mute-audio",
                         // No network: every proxied request goes to a closed port, and names do not resolve.
                         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                         "--host-resolver-rules=MAP * ~NOTFOUND",
                         "--user-data-dir=" + profile,
                         "--virtual-time-budget=" + (long)budget.TotalMilliseconds,
                         "--dump-dom", new Uri(page).AbsoluteUri,
                     })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {browser}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(budget + TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"Chromium did not finish {page} within {budget + TimeSpan.FromMinutes(1)}.");
            }
            process.WaitForExit();
            string dom = stdout.Result;
            if (process.ExitCode != 0 || dom.Length == 0)
                throw new InvalidOperationException(
                    $"Chromium exited with {process.ExitCode} on {page} and produced {dom.Length} characters of DOM. stderr:\n{Tail(stderr.Result, 3000)}");
            return dom;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Tail(string text, int characters) => text.Length <= characters ? text : text[^characters..];
}
