using System.Text.RegularExpressions;

namespace LotteryTickets.Charts;

/// <summary>
/// The script around each chart's render call: it draws the chart once plotly.js is on the page (it
/// may still be loading, or sit in an earlier output of the same notebook), then wraps the titles to
/// the width the page gives the chart, again whenever that width changes. plotly.js never wraps titles
/// itself, and a chart's width is only known in the browser.
/// </summary>
internal static partial class ChartScript
{
    /// <summary>
    /// Wraps the figure title and the panel titles of a grid at word boundaries so that each line fits
    /// the chart (measured with a canvas in the title's own font), and re-wraps after every redraw (a
    /// resize redraws). It relayouts only when the wrapped text changes, so redraws settle.
    /// </summary>
    private const string FitTitles = """
        window.lotteryFitTitles = window.lotteryFitTitles || function (gd) {
          var fl = gd && gd._fullLayout;
          if (!fl || gd.__lotteryFitting || !window.Plotly) return;
          var canvas = window.__lotteryCanvas || (window.__lotteryCanvas = document.createElement('canvas'));
          var ctx = canvas.getContext('2d');
          function wrap(text, font, width) {
            ctx.font = font.size + 'px ' + font.family;
            var words = text.split(' '), lines = [], line = '';
            for (var i = 0; i < words.length; i++) {
              var next = line ? line + ' ' + words[i] : words[i];
              if (line && ctx.measureText(next).width > width) { lines.push(line); line = words[i]; } else { line = next; }
            }
            if (line) lines.push(line);
            return lines.join('<br>');
          }
          var update = {}, top = 12;
          var title = gd.__lotteryTitle = gd.__lotteryTitle || (fl.title && fl.title.text) || '';
          if (title) {
            var wrapped = wrap(title, fl.title.font, fl.width * (1 - fl.title.x) - 16);
            var lines = wrapped.split('<br>').length;
            if (wrapped !== fl.title.text) update['title.text'] = wrapped;
            // plotly.js 2.28 hangs a one-line title 4 px below its pad and a longer one 16 px above: both start 10 px from the top.
            var pad = lines > 1 ? 26 : 14;
            if (!fl.title.pad || fl.title.pad.t !== pad) update['title.pad.t'] = pad;
            top = 10 + lines * fl.title.font.size * 1.3 + 16;
          }
          var notes = gd.layout.annotations || [], columns = (fl.grid && fl.grid.columns) || 1, noteLines = 0, noteSize = 0;
          gd.__lotteryNotes = gd.__lotteryNotes || notes.map(function (a) { return a.text; });
          notes.forEach(function (a, i) {
            var original = gd.__lotteryNotes[i];
            if (typeof original !== 'string') return;
            var font = (fl.annotations[i] && fl.annotations[i].font) || fl.font;
            var w = wrap(original, font, fl._size.w / columns - 12);
            if (w !== a.text) update['annotations[' + i + '].text'] = w;
            noteLines = Math.max(noteLines, w.split('<br>').length);
            noteSize = Math.max(noteSize, font.size);
          });
          // The panel titles of a grid stand on their panels, below the figure title: the top margin holds all their lines.
          top = Math.ceil(top + noteLines * noteSize * 1.3 + (noteLines > 0 ? 8 : 0));
          if (Math.abs(top - fl.margin.t) > 1) update['margin.t'] = top;
          if (Object.keys(update).length === 0) return;
          gd.__lotteryFitting = true;
          Promise.resolve(window.Plotly.relayout(gd, update)).then(
            function () { gd.__lotteryFitting = false; }, function () { gd.__lotteryFitting = false; });
        };
        """;

    /// <summary>
    /// Replaces the immediate render call in Plotly.NET's chart HTML with one that waits for plotly.js
    /// (up to 10 s, then says what is missing) and fits the titles after every draw.
    /// </summary>
    public static string Deferred(string chartHtml)
    {
        var call = RenderCall().Match(chartHtml);
        if (!call.Success) throw new InvalidOperationException("Unexpected chart HTML from Plotly.NET: no render call found.");
        string function = call.Groups["fn"].Value;
        string divId = DivId().Match(chartHtml).Groups["id"].Value;
        string loader = FitTitles +
            $"(function() {{ var tries = 0; (function draw() {{ if (window.Plotly) {{ {function}(); " +
            $"var gd = document.getElementById('{divId}'); " +
            "if (gd && gd.on) { gd.on('plotly_afterplot', function () { window.lotteryFitTitles(gd); }); window.lotteryFitTitles(gd); } } " +
            "else if (++tries < 200) { setTimeout(draw, 50); } " +
            $"else {{ var d = document.getElementById('{divId}'); if (d) d.innerText = 'This chart needs plotly.js, which an earlier output of this notebook carries: " +
            "re-run the cells from the top, or call LotteryTickets.Charts.PlotlyScript.EmbedAgain() and re-run this cell.'; } })(); })();";
        return chartHtml.Remove(call.Index, call.Length).Insert(call.Index, loader + "\n");
    }

    [GeneratedRegex(@"^(?<fn>renderPlotly_[0-9a-f]+)\(\);\s*$", RegexOptions.Multiline)]
    private static partial Regex RenderCall();

    [GeneratedRegex("<div id=\"(?<id>[^\"]+)\"")]
    private static partial Regex DivId();
}
