namespace LotteryTickets.SubsetSum;

/// <summary>
/// The best subset found so far by searches running on several threads, each with a rank (its place in the order a single
/// thread would search them). Subsets compare by raw error, then by rank: on equal errors the search of lower rank wins, as it
/// would on one thread, where the first search to reach an error keeps it because later ones must be strictly better. So the
/// final subset does not depend on which thread ran which search, nor when.
/// </summary>
internal sealed class SharedIncumbent
{
    /// <summary>One incumbent: raw error, rank of the search that found it (-1 for the starting bound) and item indices.</summary>
    public sealed record Entry(double Raw, int Rank, int[]? Indices);

    private readonly Lock _lock = new();
    private Entry _best;

    /// <param name="startRaw">Only subsets with a raw error strictly below this count (an incumbent from elsewhere, or +∞).</param>
    public SharedIncumbent(double startRaw) => _best = new Entry(startRaw, -1, null);

    /// <summary>The current incumbent (read without a lock; entries are immutable).</summary>
    public Entry Best => Volatile.Read(ref _best);

    /// <summary>
    /// The bound a search of rank <paramref name="rank"/> must beat strictly: the incumbent's raw error, or, when the incumbent
    /// comes from a later search, the next double above it (an equal error then wins the tie).
    /// </summary>
    public double Threshold(int rank)
    {
        var best = Best;
        return best.Rank > rank ? Math.BitIncrement(best.Raw) : best.Raw;
    }

    /// <summary>Offers a subset found by the search of rank <paramref name="rank"/>; <paramref name="indices"/> is called only
    /// when it becomes the incumbent. Returns whether it did.</summary>
    public bool Offer(double raw, int rank, Func<int[]> indices)
    {
        lock (_lock)
        {
            var best = _best;
            if (raw > best.Raw || (raw == best.Raw && rank >= best.Rank)) return false;
            Volatile.Write(ref _best, new Entry(raw, rank, indices()));
            return true;
        }
    }
}
