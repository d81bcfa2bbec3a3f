using System.Diagnostics;

namespace LotteryNotebooks.Tests.Browser;

/// <summary>
/// Opens a local page in Debian's headless Chromium with networking off (every host resolves to nothing and
/// the proxy is a closed port), lets its scripts run, and returns the resulting DOM.
/// </summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The page's DOM after <paramref name="budget"/> of virtual time, in a window of <paramref name="window"/> pixels (Chromium's default 800 x 600).</summary>
    public static string DumpDom(string htmlPath, TimeSpan? budget = null, (int Width, int Height)? window = null)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException(
                $"{Executable} is missing: install Debian's chromium (apt-get install -y --no-install-recommends chromium); .ci/run does this.");
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (window is { } size) start.ArgumentList.Add($"--window-size={size.Width},{size.Height}");
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                         $"--virtual-time-budget={(int)(budget ?? TimeSpan.FromSeconds(15)).TotalMilliseconds}",
                         "--dump-dom", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                     })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish rendering {htmlPath} within 120 s.");
            }
            return dom.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>How many plotly charts in the DOM were drawn: plotly.js wraps each drawn chart in a plot container holding its SVG.</summary>
    public static int DrawnCharts(string dom) =>
        dom.Contains("class=\"main-svg\"", StringComparison.Ordinal) ? CountOf(dom, "class=\"plot-container plotly\"") : 0;

    /// <summary>Occurrences of <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static int CountOf(string text, string needle)
    {
        int count = 0;
        for (int i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
