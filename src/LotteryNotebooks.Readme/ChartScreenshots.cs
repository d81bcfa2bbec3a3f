using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LotteryNotebooks.Readme;

/// <summary>
/// Opens an executed notebook page in headless Chromium (no network, a fresh profile), waits until its
/// charts have drawn, and lists their titles or saves one chart alone as a PNG.
/// </summary>
public static partial class ChartScreenshots
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Size of every README image: wide enough to read, small enough to keep the PNGs light.</summary>
    public const int Width = 880, Height = 500;

    // Waits until every chart has drawn and stopped changing (size, top margin), then calls the action.
    private const string Settle = """
        function lotterySettled(then) {
          var last = '', stable = 0, waited = 0;
          (function poll() {
            var charts = document.querySelectorAll('.js-plotly-plot'), state = charts.length + ':';
            charts.forEach(function (c) { state += c._fullLayout ? c._fullLayout.width + 'x' + c._fullLayout.margin.t + ';' : 'x;'; });
            stable = state === last ? stable + 1 : 0;
            last = state;
            waited += 100;
            if ((stable >= 10 && state.indexOf('x;') < 0) || waited > 20000) then(); else setTimeout(poll, 100);
          })();
        }
        function lotteryTitle(gd) { return (gd.__lotteryTitle || (gd._fullLayout.title && gd._fullLayout.title.text) || '').replace(/<br>/g, ' '); }
        """;

    /// <summary>The titles of the charts drawn on <paramref name="page"/>, in page order.</summary>
    public static IReadOnlyList<string> Titles(string page)
    {
        const string script = Settle + """
            lotterySettled(function () {
              var pre = document.createElement('pre');
              pre.id = 'lottery-chart-titles';
              pre.textContent = JSON.stringify(Array.prototype.map.call(document.querySelectorAll('.js-plotly-plot'), lotteryTitle));
              document.body.appendChild(pre);
            });
            """;
        string dom = WithScript(page, script, copy => Run(copy, "--dump-dom"));
        var match = TitleList().Matches(dom).LastOrDefault()
                    ?? throw new InvalidOperationException($"No chart drew on {page} in headless Chromium.");
        return JsonSerializer.Deserialize<string[]>(WebUtility.HtmlDecode(match.Groups[1].Value)) ?? [];
    }

    /// <summary>Saves the chart of <paramref name="page"/> whose title starts with <paramref name="titleStart"/>, alone, as a <see cref="Width"/> x <see cref="Height"/> PNG.</summary>
    public static void Save(string page, string titleStart, string png)
    {
        string script = Settle + $$"""
            lotterySettled(function () {
              var key = {{JsonSerializer.Serialize(titleStart)}};
              var gd = Array.prototype.find.call(document.querySelectorAll('.js-plotly-plot'), function (c) { return lotteryTitle(c).indexOf(key) === 0; });
              if (!gd) return;
              var style = document.createElement('style');
              style.textContent = '.modebar-container { display: none !important; } body { margin: 0 !important; padding: 0 !important; max-width: none !important; }';
              document.head.appendChild(style);
              document.body.replaceChildren(gd);
              gd.style.maxWidth = 'none';
              window.Plotly.relayout(gd, { height: {{Height}} });
            });
            """;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(png))!);
        if (File.Exists(png)) File.Delete(png);
        WithScript(page, script, copy => Run(copy, $"--screenshot={Path.GetFullPath(png)}", $"--window-size={Width},{Height}", "--hide-scrollbars"));
        if (!File.Exists(png)) throw new InvalidOperationException($"Chromium wrote no screenshot of \"{titleStart}\" from {page}.");
    }

    /// <summary>Runs <paramref name="action"/> on a copy of the page with the script at its end, written beside it so that relative paths still load.</summary>
    private static string WithScript(string page, string script, Func<string, string> action)
    {
        string html = File.ReadAllText(page);
        int end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (end < 0) throw new InvalidOperationException($"{page} has no </body>.");
        string copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(page))!, Path.GetFileNameWithoutExtension(page) + ".readme.html");
        File.WriteAllText(copy, html.Insert(end, "<script>\n" + script + "\n</script>\n"));
        try { return action(copy); }
        finally { File.Delete(copy); }
    }

    private static string Run(string page, params string[] mode)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (apt-get install -y --no-install-recommends chromium).");
        string profile = Directory.CreateTempSubdirectory("readme-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                         "--force-device-scale-factor=1", "--virtual-time-budget=60000",
                     }.Concat(mode).Append(new Uri(page).AbsoluteUri))
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Chromium}.");
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish with {page} within 180 s.");
            }
            return output.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    [GeneratedRegex("<pre id=\"lottery-chart-titles\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex TitleList();
}
