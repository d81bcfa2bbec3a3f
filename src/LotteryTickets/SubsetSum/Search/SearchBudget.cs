using System.Diagnostics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The node and time budget shared by every search of one <see cref="VectorSubsetSum.Solve"/> call.
/// The clock is read only every 1024 nodes, so the time limit can be overrun by a few microseconds.
/// </summary>
internal sealed class SearchBudget
{
    private readonly long _nodeLimit;
    private readonly long _deadline;

    /// <param name="nodeLimit">Most nodes, or null for no limit.</param>
    /// <param name="timeLimit">Time from now, or null for no limit.</param>
    public SearchBudget(long? nodeLimit, TimeSpan? timeLimit)
    {
        _nodeLimit = nodeLimit ?? long.MaxValue;
        _deadline = timeLimit is TimeSpan t
            ? Stopwatch.GetTimestamp() + (long)Math.Min(t.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 4)
            : long.MaxValue;
    }

    /// <summary>Nodes visited so far.</summary>
    public long Nodes { get; private set; }

    /// <summary>True once the node or time budget has run out.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>An unlimited budget.</summary>
    public static SearchBudget Unlimited() => new(null, null);

    /// <summary>Counts one node; returns true when the budget has run out.</summary>
    public bool Tick()
    {
        long nodes = ++Nodes;
        if (nodes > _nodeLimit) Exhausted = true;
        else if ((nodes & 1023) == 0 && _deadline != long.MaxValue && Stopwatch.GetTimestamp() > _deadline) Exhausted = true;
        return Exhausted;
    }

    /// <summary>True when a node limit was given (a search on several threads could not stop at the same node every time).</summary>
    public bool HasNodeLimit => _nodeLimit != long.MaxValue;

    /// <summary>A budget for one more thread: the same deadline, no node limit, its own node count (see <see cref="Absorb"/>).</summary>
    public SearchBudget ForThread() => new(this);

    private SearchBudget(SearchBudget parent)
    {
        _nodeLimit = long.MaxValue;
        _deadline = parent._deadline;
    }

    /// <summary>Adds a thread's budget (from <see cref="ForThread"/>, finished) to this one: its nodes and whether it ran out.</summary>
    public void Absorb(SearchBudget thread)
    {
        Nodes += thread.Nodes;
        Exhausted |= thread.Exhausted;
    }

    /// <summary>Checks the clock now (used between the heuristic's rounds).</summary>
    public bool CheckTime()
    {
        if (_deadline != long.MaxValue && Stopwatch.GetTimestamp() > _deadline) Exhausted = true;
        return Exhausted;
    }
}
