namespace LotteryTickets.SubsetSum;

/// <summary>
/// The shape of one <see cref="KTreeSearch"/>: 2^<see cref="Levels"/> leaves, the list cap of every inner level, and the
/// constants of the windows. <see cref="Schedule"/> chooses the plans for an instance from its size (m candidates,
/// dimension d), its tolerance and a work limit, so that callers never see them.
/// </summary>
/// <param name="Levels">a: the tree has 2^a leaves of about m / 2^a candidates each, a − 1 inner levels and the root.</param>
/// <param name="Caps">Entries kept per node at inner levels 1 .. a − 1 (level 1 merges leaves).</param>
internal sealed record KTreePlan(int Levels, int[] Caps)
{
    /// <summary>
    /// Share of a node's pairs that each free (not yet narrowed) coordinate keeps, nearest the node's target: 0.87, what
    /// 1.5 standard deviations keep of a centred Gaussian. Without this centring free coordinates drift and the root
    /// finds nothing.
    /// </summary>
    public double Centre { get; init; } = 0.87;

    /// <summary>Share of a node's pairs that each coordinate narrowed below keeps (0.75: the children's window, for uniform residuals).</summary>
    public double Retighten { get; init; } = 0.75;

    /// <summary>New windows keep this many times the cap; the best cap entries are then kept.</summary>
    public double Slack { get; init; } = 1.25;

    /// <summary>Whether a finished left child is re-centred on its mean and its sibling's target shifted to match.</summary>
    public bool Recentre { get; init; } = true;

    /// <summary>Random pairs sampled per node to set its windows.</summary>
    public int Samples { get; init; } = 2048;

    /// <summary>Order statistics below this many samples are extrapolated linearly rather than read off.</summary>
    public const int MinQuantileSamples = 32;

    /// <summary>Cell width of a grid's keys but the last, in units of their bound (2: a query meets at most two cells per key).</summary>
    public double KeyCell { get; init; } = 2;

    /// <summary>Cell width of a grid's last key, in units of its bound (its cells are contiguous, so they can be finer).</summary>
    public double LastKeyCell { get; init; } = 0.5;

    /// <summary>Largest number of grid keys at the root.</summary>
    public int RootKeys { get; init; } = 4;

    /// <summary>Join grids have at most this many cells per entry.</summary>
    public double MaxCellsPerEntry { get; init; } = 2;

    /// <summary>The root's grid has at most this many cells per entry (its queries are the most numerous).</summary>
    public double RootCellsPerEntry { get; init; } = 8;

    /// <summary>A root attempt stops after scanning this many candidate pairs per entry of its two lists.</summary>
    public long RootScanPerEntry { get; init; } = 64;

    /// <summary>The root's first window is where this many pairs are expected.</summary>
    public double RootExpectedPairs { get; init; } = 8;

    /// <summary>
    /// Share of the tree's bits of precision (<see cref="Bits"/> / d per coordinate) that the levels below the root give
    /// each coordinate. Below 1 so that coordinates narrowed early are not narrowed far below the final error, where the
    /// bits are wasted (measured: 0.6 beats 0.45 and 1.0 at d = 9, m = 128 and 256).
    /// </summary>
    public double BitsScale { get; init; } = 0.6;

    /// <summary>Leaf size as a power of two: the average list length at the leaves is 2^(m / 2^a).</summary>
    private static double LeafBits(int m, int levels) => m / (double)(1 << levels);

    /// <summary>
    /// B, the tree's bits of precision along one leaf-to-root path: a leaf list of 2^g, level j keeps L_j of the
    /// L_(j−1)² pairs (log2 L_(j−1)²/L_j bits) and the root keeps 1 of L_(a−1)², so B = 2g + Σ_j log2 L_j.
    /// </summary>
    public double Bits(int m) => 2 * LeafBits(m, Levels) + Caps.Sum(c => Math.Log2(c));

    /// <summary>Bits of precision each coordinate is narrowed by below the root: <see cref="BitsScale"/> · B / d.</summary>
    public double BitsPerCoordinate(int m, int d) => BitsScale * Bits(m) / d;

    /// <summary>List entries the plan produces at most: every leaf's 2^g sums and every inner node's cap.</summary>
    public long EstimatedEntries(int m)
    {
        double entries = Math.Pow(2, Math.Ceiling(LeafBits(m, Levels))) * (1 << Levels);
        for (int j = 1; j < Levels; j++) entries += (double)(1 << (Levels - j)) * Caps[j - 1];
        return (long)Math.Min(entries, long.MaxValue / 2);
    }

    /// <summary>
    /// The median error this plan is expected to reach on random instances whose subset sums spread by
    /// <paramref name="spread"/> per coordinate: 1.74 · spread · 2^(−B/d). Fitted to NSN instances at d = 4 and 9,
    /// m = 64–256 (measured medians lie between 0.6 and 1.7 times 2^(−B/d)·spread; the factor is the conservative end).
    /// </summary>
    public double PredictedError(int m, int d, double spread) => 1.74 * spread * Math.Pow(2, -Bits(m) / d);

    /// <summary>The usual number of levels: leaves of 6 to 11 candidates (smaller leaves give unreliable windows).</summary>
    public static int DefaultLevels(int m) => Math.Max(1, (int)Math.Floor(Math.Log2(m / 6.0)));

    /// <summary>
    /// The plan with 2^<paramref name="levels"/> leaves and caps growing towards the root: 2^<paramref name="top"/> below it,
    /// halving per level down (the top lists are few and give the most bits, the bottom ones are many), at least 2^10, and
    /// never more than a quarter of the pairs a level can form.
    /// </summary>
    public static KTreePlan Family(int m, int levels, double top)
    {
        var caps = new int[levels - 1];
        double below = Math.Pow(2, LeafBits(m, levels));
        for (int j = 1; j < levels; j++)
        {
            double cap = Math.Min(Math.Pow(2, Math.Max(10, top - (levels - 1 - j))), below * below / 4);
            caps[j - 1] = (int)Math.Max(64, cap);
            below = caps[j - 1];
        }
        return new KTreePlan(levels, caps);
    }

    /// <summary>Smallest cap exponent of <see cref="Family"/> that <see cref="Schedule"/> tries.</summary>
    public const double MinTop = 10;

    /// <summary>Largest cap exponent: 2^17.5 entries below the root (about 8 MB of rows per list at d = 9).</summary>
    public const double MaxTop = 17.5;

    /// <summary>Step of the cap exponent between the plans <see cref="Schedule"/> considers (caps grow by √2).</summary>
    public const double TopStep = 0.5;

    /// <summary>
    /// The work a best-effort search may spend, in list entries: about half a million from d = 8 up (about 85 ms on one
    /// core of this project's machine: median errors 0.06 at m = 128 and 0.026 at m = 256 in d = 9), less in low
    /// dimension, where each bit of the tree buys more precision (d = 4, m = 64: 80,000 entries, 8 ms, median 0.003).
    /// </summary>
    public static long DefaultEntries(int d) => d <= 4 ? 80_000 : d <= 8 ? 300_000 : 550_000;

    /// <summary>The best-effort plan for m candidates in dimension d: the largest family member within <see cref="DefaultEntries"/>.</summary>
    public static KTreePlan For(int m, int d) => Schedule(m, d, 0, 1, null)[^1];

    /// <summary>
    /// The plans a search runs in turn, cheapest first, each with a fresh shuffle: with a tolerance, from the cheapest plan
    /// predicted to reach it, widening the caps four-fold per attempt, up to the best-effort plan; without one (0), the
    /// best-effort plan alone. Every plan fits within <paramref name="entryLimit"/> when it is set (at least the smallest
    /// family member is kept).
    /// </summary>
    /// <param name="m">Number of candidates.</param>
    /// <param name="d">Dimension.</param>
    /// <param name="tolerance">The error that ends the search (0: best effort).</param>
    /// <param name="spread">The per-coordinate standard deviation of a random subset sum, sqrt(mean_c Σ_i x_ic² / 4).</param>
    /// <param name="entryLimit">Largest total of list entries (null: <see cref="DefaultEntries"/> for the last plan).</param>
    public static IReadOnlyList<KTreePlan> Schedule(int m, int d, double tolerance, double spread, long? entryLimit)
    {
        int levels = DefaultLevels(m);
        long budget = entryLimit ?? DefaultEntries(d);
        double full = MinTop;
        while (full + TopStep <= MaxTop && Family(m, levels, full + TopStep).EstimatedEntries(m) <= budget) full += TopStep;
        var plans = new List<KTreePlan>();
        if (tolerance > 0)
        {
            double start = MinTop;
            while (start < full && Family(m, levels, start).PredictedError(m, d, spread) > tolerance) start += TopStep;
            long spent = 0;
            for (double top = start; top < full; top += 2)
            {
                var plan = Family(m, levels, top);
                spent += plan.EstimatedEntries(m);
                if (entryLimit is long limit && spent + Family(m, levels, full).EstimatedEntries(m) > limit) break;
                plans.Add(plan);
            }
        }
        plans.Add(Family(m, levels, full));
        return plans;
    }
}
