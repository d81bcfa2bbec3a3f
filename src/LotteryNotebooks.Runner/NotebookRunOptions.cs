namespace LotteryNotebooks.Runner;

/// <summary>How to run notebooks.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Folder for executed notebooks and HTML pages (default: artifacts/notebooks under the repository).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Values for the notebook's <c>parameters</c> cell: name to C# expression.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest time one cell may run before the notebook's process is stopped and the cell fails with a timeout.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Run the teacher's version: merge the notebook's solutions into its answer cells (<see cref="ExerciseSolutions"/>).</summary>
    public bool Solutions { get; init; }

    /// <summary>Pages embed plotly.js each (one self-contained file per notebook) instead of sharing one copy next to them.</summary>
    public bool StandalonePages { get; init; }

    /// <summary>Called with a short status after each cell (cell number, seconds), for progress displays.</summary>
    public Action<string>? CellProgress { get; init; }
}
