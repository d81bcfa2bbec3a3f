using System.Diagnostics;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The node and time budget shared by every search of one <see cref="VectorSubsetSum.Solve"/> call.
/// The clock is read only every 1024 nodes, so the time limit can be overrun by a few microseconds.
/// </summary>
internal sealed class SearchBudget(long? nodeLimit, TimeSpan? timeLimit)
{
    private readonly long _nodeLimit = nodeLimit ?? long.MaxValue;
    private readonly long _deadline = timeLimit is TimeSpan t
        ? Stopwatch.GetTimestamp() + (long)Math.Min(t.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 4)
        : long.MaxValue;

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

    /// <summary>Checks the clock now (used between the heuristic's rounds).</summary>
    public bool CheckTime()
    {
        if (_deadline != long.MaxValue && Stopwatch.GetTimestamp() > _deadline) Exhausted = true;
        return Exhausted;
    }
}
