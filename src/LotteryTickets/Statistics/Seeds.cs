namespace LotteryTickets.Statistics;

/// <summary>
/// Derives independent, reproducible seeds from one base seed. Experiment code gives trial <c>i</c>
/// of configuration <c>c</c> the seed <c>Seeds.Derive(seed, c, i)</c>, so results do not depend on
/// which thread ran which trial, nor on how many cores the machine has.
/// </summary>
public static class Seeds
{
    /// <summary>
    /// A seed for the item at <paramref name="path"/> below <paramref name="baseSeed"/>, mixed with
    /// SplitMix64 so that neighbouring paths give unrelated streams.
    /// </summary>
    public static int Derive(int baseSeed, params ReadOnlySpan<long> path)
    {
        ulong state = Mix((ulong)(uint)baseSeed ^ 0x9E3779B97F4A7C15UL);
        foreach (long step in path) state = Mix(state ^ Mix((ulong)step + 0x632BE59BD9B4E019UL));
        return (int)(state & 0x7FFF_FFFF);
    }

    /// <summary>A <see cref="Random"/> seeded with <see cref="Derive"/>; its sequence is the same on every run and machine.</summary>
    public static Random Rng(int baseSeed, params ReadOnlySpan<long> path) => new(Derive(baseSeed, path));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
