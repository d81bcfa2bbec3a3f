using System.Diagnostics;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Workbook;
using static TorchSharp.torch;
using LotteryTickets.Statistics;

namespace LotteryTickets.Learning;

/// <summary>
/// Learns a mask on a frozen random network for a task, the way edge-popup does (Ramanujan, Wortsman, Kembhavi, Farhadi
/// and Rastegari, "What's hidden in a randomly weighted neural network?", CVPR 2020): every prunable unit gets a score,
/// the forward pass keeps the top-k units of each layer, and the scores (never the weights) are trained by gradient
/// descent on the cross-entropy with the straight-through estimator, which passes the gradient of the loss with respect
/// to each unit's mask value to its score unchanged. Here the units are single weights, whole d x d kernels or whole
/// hidden channels of the d x d layers (<see cref="MaskGranularity"/>), and the 1x1 layers are channel-blocked as in the
/// paper's construction, so the learned mask is a <see cref="TicketMask"/> of the matching variant.
/// <code>
/// var layout = UnitLayout.Of(random, MaskGranularity.Kernel);
/// var budget = MaskBudget.MatchingKeptWeights(layout, kernelTicket.Mask);   // the constructed ticket's budget
/// var learned = EdgePopup.Train(random, MaskGranularity.Kernel, budget, data.Train, new EdgePopupOptions(TrainImages: 10_000));
/// var accuracy = NetworkEvaluation.Accuracy(Folding.Fold(random, learned.Mask), data.Test);
/// </code>
/// Deterministic: the same random network, budget, options and data give the same mask on one torch thread.
/// </summary>
public static class EdgePopup
{
    /// <summary>Learns a mask of <paramref name="granularity"/> that keeps exactly <paramref name="budget"/> units per layer.</summary>
    /// <param name="random">The random network (its weights are never changed).</param>
    /// <param name="granularity">What one score selects.</param>
    /// <param name="budget">Units kept per layer (see <see cref="MaskBudget"/>); at most the layer's live units.</param>
    /// <param name="train">Training images; they must fit the network's input and classes.</param>
    /// <param name="options">Seed, epochs, batch, learning rate, optimizer (defaults when null).</param>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <exception cref="ArgumentException">The budget was made for another architecture, or the images do not fit the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or some k is larger than its layer's live units.</exception>
    public static LearnedMask Train(RandomNetwork random, MaskGranularity granularity, MaskBudget budget, ImageSet train,
        EdgePopupOptions? options = null, IProgress<EdgePopupProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new EdgePopupOptions();
        options.Validate();
        var layout = UnitLayout.Of(random, granularity);
        budget.CheckFits(layout, nameof(budget));
        CheckImages(random, train);

        var watch = Stopwatch.StartNew();
        int count = Math.Min(options.TrainImages ?? train.Count, train.Count);
        int stepsPerEpoch = (count + options.BatchSize - 1) / options.BatchSize, totalSteps = stepsPerEpoch * options.Epochs, step = 0;
        using var network = new ScoredNetwork(layout, budget, options.Seed);
        var initialMask = layout.ToMask(network.KeptUnits());
        using var update = new ScoreUpdate(network.Scores, options);
        var losses = new List<double>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            int[] order = Enumerable.Range(0, count).ToArray();
            Seeds.Rng(options.Seed, ScoredNetwork.OrderStream, epoch).Shuffle(order);
            double sum = 0, recent = 0;
            int recentCount = 0;
            for (int s = 0; s < stepsPerEpoch; s++, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batch = order.AsSpan(s * options.BatchSize, Math.Min(options.BatchSize, count - s * options.BatchSize));
                var loss = nn.functional.cross_entropy(network.Forward(train.Images(batch)), train.LabelTensor(batch));
                loss.backward();
                update.Step(CosineRate(options.LearningRate, step, totalSteps));
                double value = loss.item<float>();
                if (!double.IsFinite(value))
                    throw new InvalidOperationException($"the training loss became {value} at step {step + 1} (learning rate {options.LearningRate} too large?).");
                sum += value; recent += value; recentCount++;
                progress?.Report(new EdgePopupProgress(granularity, epoch, options.Epochs, s + 1, stepsPerEpoch, recent / recentCount));
                if (recentCount == 50) { recent = 0; recentCount = 0; }
            }
            losses.Add(sum / stepsPerEpoch);
        }
        var mask = layout.ToMask(network.KeptUnits());
        return new LearnedMask(layout, budget, options, mask, initialMask, network.ScoreValues(), losses, count, totalSteps, watch.Elapsed);
    }

    /// <summary>
    /// The random mask of a budget: the top-k units of the initial scores that <see cref="Train"/> with the same
    /// <paramref name="seed"/> starts from, i.e. a uniformly random choice of k live units in each layer. Computed here with
    /// the plain sort of <see cref="TopK.Select"/>, not the training code, so that a learned mask with frozen scores
    /// (learning rate 0) equalling it checks the training loop.
    /// </summary>
    /// <exception cref="ArgumentException">The budget was made for another architecture.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Some k is larger than its layer's live units.</exception>
    public static TicketMask RandomMask(RandomNetwork random, MaskGranularity granularity, MaskBudget budget, int seed)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(budget);
        var layout = UnitLayout.Of(random, granularity);
        budget.CheckFits(layout, nameof(budget));
        var kept = layout.Layers.Select(l => TopK.Select(ScoredNetwork.InitialScores(seed, l.Layer, l.Count), l.Live, budget.UnitsPerLayer[l.Layer])).ToArray();
        return layout.ToMask(kept);
    }

    /// <summary>The step size at step <paramref name="step"/> of <paramref name="total"/>: a half cosine from <paramref name="peak"/> down to 0.</summary>
    public static double CosineRate(double peak, int step, int total) =>
        total <= 1 ? peak : peak * 0.5 * (1 + Math.Cos(Math.PI * step / total));

    private static void CheckImages(RandomNetwork random, ImageSet train)
    {
        var a = random.Target;
        if (a.InputChannels != 1 || a.ImageSize != train.Side)
            throw new ArgumentException($"the random network takes {a.InputChannels}x{a.ImageSize}x{a.ImageSize} inputs; the images are 1x{train.Side}x{train.Side}.", nameof(train));
        if (a.Classes != train.Classes)
            throw new ArgumentException($"the random network has {a.Classes} outputs; the images have {train.Classes} classes.", nameof(train));
        if (train.Count < 1) throw new ArgumentException("the training set holds no images.", nameof(train));
    }
}
