namespace LotteryTickets.Timing;

/// <summary>
/// How <see cref="InferenceTimer"/> measures. Each (model, batch size) pair is warmed up, then timed in rounds of
/// <see cref="RoundSize"/> forward passes, models interleaved round by round so that a change in the machine's load
/// affects all of them alike. A pair is done when its median latency moved by at most <see cref="StabilityTolerance"/>
/// (relative) over two consecutive rounds after <see cref="MinRepetitions"/>, or at <see cref="MaxRepetitions"/>, or when
/// its time budget <see cref="MaxSecondsPerMeasurement"/> is spent; <see cref="FixedRepetitions"/> replaces the rule by
/// an exact count.
/// </summary>
public sealed record TimingOptions
{
    /// <summary>The defaults: batch sizes 1, 16 and 128, threads from environment.json.</summary>
    public static TimingOptions Default { get; } = new();

    /// <summary>Largest batch size accepted (a guard against typos that would allocate gigabytes).</summary>
    public const int MaxBatchSize = 4096;

    /// <summary>Largest repetition count accepted.</summary>
    public const int MaxRepetitionLimit = 100_000;

    /// <summary>Batch sizes to time, each at least 1 and at most <see cref="MaxBatchSize"/>.</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 16, 128];

    /// <summary>Torch intra-op threads during the measurement (null: environment.json's torchThreads). One thread gives stable medians on shared machines.</summary>
    public int? Threads { get; init; }

    /// <summary>Untimed forward passes before timing each (model, batch) pair: they allocate buffers and warm caches.</summary>
    public int WarmupRepetitions { get; init; } = 3;

    /// <summary>Fewest timed forward passes per pair before the stability rule may stop.</summary>
    public int MinRepetitions { get; init; } = 10;

    /// <summary>Most timed forward passes per pair.</summary>
    public int MaxRepetitions { get; init; } = 200;

    /// <summary>When set, exactly this many timed passes per pair (the stability rule and time budget are off).</summary>
    public int? FixedRepetitions { get; init; }

    /// <summary>Timed passes per model per round.</summary>
    public int RoundSize { get; init; } = 5;

    /// <summary>Relative change of the median between rounds below which a measurement counts as stable.</summary>
    public double StabilityTolerance { get; init; } = 0.02;

    /// <summary>Time budget of one (model, batch) pair's timed passes, in seconds; the pair stops (reported as not stable) when it is spent.</summary>
    public double MaxSecondsPerMeasurement { get; init; } = 5;

    /// <summary>Seed of the random input images (uniform in [0, 1), like pixels).</summary>
    public int InputSeed { get; init; } = 2023;

    /// <summary>What to do with subnormal weights.</summary>
    public SubnormalHandling Subnormals { get; init; } = SubnormalHandling.Flush;

    /// <summary>Apply <see cref="MallocTuning.ApplyAtRuntime"/> before timing (only when the process did not start with the recommended GLIBC_TUNABLES).</summary>
    public bool TuneMalloc { get; init; } = true;

    /// <summary>The thread count to use: <see cref="Threads"/> or the workbook default (1 when no environment.json is found).</summary>
    public int ResolveThreads()
    {
        if (Threads is int t) return t;
        try
        {
            return Workbook.WorkbookEnvironment.Load().Defaults.TorchThreads;
        }
        catch (FileNotFoundException)
        {
            return 1;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (BatchSizes is null || BatchSizes.Count == 0)
            throw new ArgumentException("BatchSizes must list at least one batch size.", nameof(BatchSizes));
        foreach (int b in BatchSizes)
            if (b < 1 || b > MaxBatchSize)
                throw new ArgumentOutOfRangeException(nameof(BatchSizes), b, $"each batch size must be between 1 and {MaxBatchSize} (TimingOptions.MaxBatchSize); got {b}.");
        if (Threads is int t && (t < 1 || t > 1024))
            throw new ArgumentOutOfRangeException(nameof(Threads), t, $"Threads must be between 1 and 1024 (or null for the workbook default); got {t}.");
        if (WarmupRepetitions < 0 || WarmupRepetitions > MaxRepetitionLimit)
            throw new ArgumentOutOfRangeException(nameof(WarmupRepetitions), WarmupRepetitions, $"WarmupRepetitions must be between 0 and {MaxRepetitionLimit}; got {WarmupRepetitions}.");
        if (MinRepetitions < 1 || MinRepetitions > MaxRepetitionLimit)
            throw new ArgumentOutOfRangeException(nameof(MinRepetitions), MinRepetitions, $"MinRepetitions must be between 1 and {MaxRepetitionLimit}; got {MinRepetitions}.");
        if (MaxRepetitions < MinRepetitions || MaxRepetitions > MaxRepetitionLimit)
            throw new ArgumentOutOfRangeException(nameof(MaxRepetitions), MaxRepetitions, $"MaxRepetitions must be between MinRepetitions ({MinRepetitions}) and {MaxRepetitionLimit}; got {MaxRepetitions}.");
        if (FixedRepetitions is int f && (f < 1 || f > MaxRepetitionLimit))
            throw new ArgumentOutOfRangeException(nameof(FixedRepetitions), f, $"FixedRepetitions must be between 1 and {MaxRepetitionLimit} (or null for the stability rule); got {f}.");
        if (RoundSize < 1 || RoundSize > MaxRepetitionLimit)
            throw new ArgumentOutOfRangeException(nameof(RoundSize), RoundSize, $"RoundSize must be between 1 and {MaxRepetitionLimit}; got {RoundSize}.");
        if (!(StabilityTolerance > 0) || StabilityTolerance >= 1)
            throw new ArgumentOutOfRangeException(nameof(StabilityTolerance), StabilityTolerance, $"StabilityTolerance must be in (0, 1); got {StabilityTolerance}.");
        if (!(MaxSecondsPerMeasurement > 0) || MaxSecondsPerMeasurement > 3600)
            throw new ArgumentOutOfRangeException(nameof(MaxSecondsPerMeasurement), MaxSecondsPerMeasurement, $"MaxSecondsPerMeasurement must be in (0, 3600]; got {MaxSecondsPerMeasurement}.");
        if (!Enum.IsDefined(Subnormals))
            throw new ArgumentOutOfRangeException(nameof(Subnormals), Subnormals, "Subnormals must be Flush or ReportOnly.");
    }
}
