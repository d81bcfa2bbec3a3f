namespace LotteryNotebooks.Runner;

/// <summary>The first failing cell of a notebook run.</summary>
/// <param name="Cell">1-based position of the cell in the executed notebook (markdown cells count).</param>
/// <param name="FirstLine">The cell's first non-empty source line, to find it at a glance.</param>
/// <param name="Message">The error.</param>
/// <param name="Kind">
/// <c>error</c> (the cell threw or did not compile), <c>timeout</c> (it outlasted the per-cell timeout and its process was
/// stopped) or <c>crash</c> (the notebook's process died: stack overflow, <c>Environment.Exit</c>, killed).
/// </param>
public sealed record CellFailure(int Cell, string FirstLine, string Message, string Kind = "error")
{
    /// <inheritdoc />
    public override string ToString() => $"cell {Cell} ({FirstLine}): {Message}";
}

/// <summary>What running one notebook gave.</summary>
/// <param name="Notebook">File name of the notebook.</param>
/// <param name="SourcePath">The source notebook (never modified).</param>
/// <param name="ExecutedPath">The executed copy with outputs.</param>
/// <param name="HtmlPath">The HTML page.</param>
/// <param name="CodeCells">Code cells executed (including an injected parameters cell).</param>
/// <param name="Seconds">Wall-clock time of the run, the notebook process's start included.</param>
/// <param name="Failure">The first failing cell, or null when every cell succeeded.</param>
/// <param name="Parameters">The values given with --set (empty for the notebook's own defaults).</param>
public sealed record NotebookRunResult(
    string Notebook, string SourcePath, string ExecutedPath, string HtmlPath, int CodeCells, double Seconds, CellFailure? Failure,
    IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>True when every cell succeeded.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>"ok" or "failed".</summary>
    public string Status => Succeeded ? "ok" : "failed";

    /// <summary>The runner's one line for this notebook.</summary>
    public override string ToString() => Line(withName: true);

    /// <summary>The line without the name (printed after the name, which appears when the notebook starts).</summary>
    public string Line(bool withName) =>
        (withName ? $"{Notebook,-44} " : "") + $"{CodeCells,3} cells {Seconds,7:F1} s  {Status}" + (Failure is null ? "" : $"\n    {Failure}");
}
