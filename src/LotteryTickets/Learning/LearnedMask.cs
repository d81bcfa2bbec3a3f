using LotteryTickets.Pruning;

namespace LotteryTickets.Learning;

/// <summary>
/// A mask learned by <see cref="EdgePopup.Train"/>: the top-k units of the trained scores as a <see cref="TicketMask"/>
/// (so it saves, loads, compacts, folds and times like a constructed ticket), the random mask the same scores gave before
/// training (the control), and how training went.
/// </summary>
public sealed record LearnedMask
{
    internal LearnedMask(UnitLayout layout, MaskBudget budget, EdgePopupOptions options, TicketMask mask, TicketMask initialMask,
        IReadOnlyList<float[]> scores, IReadOnlyList<double> epochLosses, int trainImages, int steps, TimeSpan elapsed)
    {
        (Layout, Budget, Options, Mask, InitialMask, Scores, EpochLosses, TrainImages, Steps, Elapsed) =
            (layout, budget, options, mask, initialMask, scores, epochLosses, trainImages, steps, elapsed);
    }

    /// <summary>The units the scores selected among.</summary>
    public UnitLayout Layout { get; }

    /// <summary>What one unit is.</summary>
    public MaskGranularity Granularity => Layout.Granularity;

    /// <summary>Units kept per layer.</summary>
    public MaskBudget Budget { get; }

    /// <summary>The options used.</summary>
    public EdgePopupOptions Options { get; }

    /// <summary>The learned mask: the top-k units of the final scores in each layer.</summary>
    public TicketMask Mask { get; }

    /// <summary>
    /// The top-k units of the initial scores: since those are independent and uniform, a uniformly random choice of k live
    /// units per layer (ties, which have probability about k²/2²⁴ at the threshold, go to the lower index). It equals
    /// <see cref="EdgePopup.RandomMask"/> with the same seed and budget, and what training with a learning rate of 0 returns.
    /// </summary>
    public TicketMask InitialMask { get; }

    /// <summary>Final scores, one array per layer over the unit grid (row-major; units that are not live keep their initial scores).</summary>
    public IReadOnlyList<float[]> Scores { get; }

    /// <summary>Mean training loss (cross-entropy) of each epoch.</summary>
    public IReadOnlyList<double> EpochLosses { get; }

    /// <summary>Training images used.</summary>
    public int TrainImages { get; }

    /// <summary>Optimizer steps taken.</summary>
    public int Steps { get; }

    /// <summary>Wall-clock time to learn the mask (the random network and the data already in memory).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Units of the learned mask that the initial (random) mask did not keep, per layer.</summary>
    public int[] ChangedUnits()
    {
        var final = Layout.KeptUnitArrays(Mask);
        var initial = Layout.KeptUnitArrays(InitialMask);
        return final.Select((f, l) => f.Where((kept, k) => kept && !initial[l][k]).Count()).ToArray();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var stats = Mask.Statistics().Total;
        return $"learned mask of {Granularity.Describe()} on n = [{string.Join(", ", Layout.Random.HiddenPerInput)}]: k = [{string.Join(", ", Budget.UnitsPerLayer)}] units, " +
               $"{stats.KeptWeights:N0} of {stats.RandomWeights:N0} weights kept (density {stats.Density:P2}), {Steps} steps on {TrainImages:N0} images in {Elapsed.TotalSeconds:F1} s, " +
               $"final loss {(EpochLosses.Count > 0 ? EpochLosses[^1] : double.NaN):F4}";
    }
}
