using System.Text.Json;
using System.Text.Json.Nodes;

namespace LotteryNotebooks.Runner;

/// <summary>Writes a run summary (the workbook run's is <c>artifacts/run-summary.json</c>): per notebook, cells, seconds, status and first error.</summary>
public static class RunSummary
{
    /// <summary>Writes the summary of <paramref name="results"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<NotebookRunResult> results)
    {
        var list = new JsonArray();
        foreach (var r in results)
            list.Add(new JsonObject
            {
                ["notebook"] = r.Notebook,
                ["cells"] = r.CodeCells,
                ["seconds"] = Math.Round(r.Seconds, 2),
                ["status"] = r.Status,
                ["firstError"] = r.Failure is null ? null : new JsonObject
                {
                    ["cell"] = r.Failure.Cell,
                    ["firstLine"] = r.Failure.FirstLine,
                    ["message"] = r.Failure.Message,
                },
                ["executed"] = r.ExecutedPath,
                ["html"] = r.HtmlPath,
                ["htmlBytes"] = File.Exists(r.HtmlPath) ? new FileInfo(r.HtmlPath).Length : 0,
                ["executedBytes"] = File.Exists(r.ExecutedPath) ? new FileInfo(r.ExecutedPath).Length : 0,
            });
        var root = new JsonObject { ["generated"] = DateTimeOffset.UtcNow.ToString("u"), ["notebooks"] = list };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
