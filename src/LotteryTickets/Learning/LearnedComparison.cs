using LotteryTickets.Networks;
using LotteryTickets.Pruning;

namespace LotteryTickets.Learning;

/// <summary>
/// The constructed ticket and learned masks side by side on one random network, at one budget: the paper's kernel ticket
/// (built from the target alone, no data), then for each granularity a mask learned by <see cref="EdgePopup"/> that keeps
/// as many weights of each d x d layer as the constructed ticket (<see cref="MaskBudget.MatchingKeptWeights"/>), and the
/// random mask of that budget (the learned mask's initial scores). Test accuracies use the folded networks, which compute
/// the same function as the masked and compact ones at the target's cost.
/// </summary>
public sealed class LearnedComparison
{
    private LearnedComparison(TargetCnn target, RandomNetwork random, Ticket constructed, IReadOnlyList<LearnedMask> learned, IReadOnlyList<ComparisonRow> rows) =>
        (Target, Random, Constructed, Learned, Rows) = (target, random, constructed, learned, rows);

    /// <summary>The target.</summary>
    public TargetCnn Target { get; }

    /// <summary>The random network every mask applies to.</summary>
    public RandomNetwork Random { get; }

    /// <summary>The constructed kernel ticket.</summary>
    public Ticket Constructed { get; }

    /// <summary>One learned mask per granularity asked for, in that order.</summary>
    public IReadOnlyList<LearnedMask> Learned { get; }

    /// <summary>Target, constructed ticket, then a learned and a random row per granularity.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>Builds the constructed kernel ticket of <paramref name="target"/> in <paramref name="random"/>, learns a mask of each granularity at its budget, and measures every network on <paramref name="test"/>.</summary>
    /// <param name="target">The target (its test accuracy is the reference).</param>
    /// <param name="random">A random network built for the target's architecture.</param>
    /// <param name="train">Training images for the learned masks (see <see cref="EdgePopupOptions.TrainImages"/>).</param>
    /// <param name="test">Test images for the accuracies.</param>
    /// <param name="options">Learning and construction options and the granularities (defaults when null).</param>
    /// <param name="targetTrainingSeconds">The target's recorded training time, shown in its row (null when unknown).</param>
    /// <param name="progress">Receives one line per stage and the stages' own progress.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <exception cref="ArgumentException">The random network was built for another architecture, or the images do not fit it.</exception>
    public static LearnedComparison Run(TargetCnn target, RandomNetwork random, ImageSet train, ImageSet test, ComparisonOptions? options = null,
        double? targetTrainingSeconds = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= ComparisonOptions.Default;
        options.Validate();
        random.CheckCompatible(target.Architecture, nameof(random));
        if (test.Side != target.Architecture.ImageSize || test.Classes != target.Architecture.Classes)
            throw new ArgumentException($"the test images ({test}) do not fit the target ({target.Architecture}).", nameof(test));

        var constructed = KernelTicket.Build(target, random, options.Construction,
            progress is null ? null : new Progress<TicketProgress>(p => progress.Report(p.ToString())), cancellationToken);
        progress?.Report($"constructed: {constructed}");
        var learned = new List<LearnedMask>();
        foreach (var granularity in options.Granularities)
        {
            var budget = MaskBudget.MatchingKeptWeights(UnitLayout.Of(random, granularity), constructed.Mask);
            var mask = EdgePopup.Train(random, granularity, budget, train, options.Learning,
                progress is null ? null : new Progress<EdgePopupProgress>(p => progress.Report(p.ToString())), cancellationToken);
            progress?.Report(mask.ToString());
            learned.Add(mask);
        }

        int testCount = Math.Min(options.TestImages ?? test.Count, test.Count);
        int n = random.HiddenPerInput.Max();
        var rows = new List<ComparisonRow>
        {
            new("target", "dense", 0, 0, target.Architecture.WeightCount, 1, 0, target.Architecture.WeightCount,
                NetworkEvaluation.Accuracy(target.ToNetwork(), test, testCount), targetTrainingSeconds, 0),
            Row("constructed", MaskGranularity.Kernel, constructed.Mask, constructed.ConstructionTime.TotalSeconds, 0),
        };
        foreach (var mask in learned)
        {
            rows.Add(Row("learned", mask.Granularity, mask.Mask, mask.Elapsed.TotalSeconds, mask.TrainImages));
            rows.Add(Row("random", mask.Granularity, mask.InitialMask, null, 0));
        }
        progress?.Report($"measured {rows.Count} networks on {testCount:N0} test images");
        return new LearnedComparison(target, random, constructed, learned, rows);

        ComparisonRow Row(string method, MaskGranularity granularity, TicketMask mask, double? seconds, int trainImages)
        {
            var stats = mask.Statistics().Total;
            double accuracy = NetworkEvaluation.Accuracy(Folding.Fold(random, mask), test, testCount);
            long compact = Compaction.Compact(random, mask).ParameterCount;
            return new ComparisonRow(method, granularity.Describe(), n, random.Seed, stats.KeptWeights, stats.Density, stats.KeptFilters, compact, accuracy, seconds, trainImages);
        }
    }

    /// <summary>
    /// The networks whose speed the comparison reports: the target, the masked random network (the cost of any mask that is
    /// not compacted), and the compact form of the constructed ticket and of every learned mask (<paramref name="form"/> 1x1 layers).
    /// </summary>
    public IReadOnlyList<ConvNetwork> CompactNetworks(OneByOneForm form = OneByOneForm.Gather)
    {
        var networks = new List<ConvNetwork>
        {
            Target.ToNetwork("target"),
            Constructed.Mask.Apply(Random).WithName("masked (any mask)"),
            Compaction.Compact(Random, Constructed.Mask, form, "constructed kernels (compact)"),
        };
        foreach (var mask in Learned)
            networks.Add(Compaction.Compact(Random, mask.Mask, form, $"learned {mask.Granularity.Describe()} (compact)"));
        return networks;
    }

    /// <summary>The row of <paramref name="method"/> ("target", "constructed", "learned", "random") and structure ("kernels", "channels", "weights"; ignored for the target).</summary>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public ComparisonRow Row(string method, string structure = "kernels") =>
        Rows.FirstOrDefault(r => r.Method == method && (method == "target" || r.Structure == structure))
        ?? throw new KeyNotFoundException($"no row for method '{method}' and structure '{structure}'; rows: {string.Join(", ", Rows.Select(r => r.Label))}.");

    private sealed class Progress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
