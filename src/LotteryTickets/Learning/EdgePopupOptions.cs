namespace LotteryTickets.Learning;

/// <summary>How <see cref="EdgePopup.Train"/> learns a mask.</summary>
/// <param name="Seed">Seed of the initial scores (uniform in [0, 1), one per unit) and of the batch order.</param>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Peak step size; it decays to 0 along a half cosine over all steps. 0 freezes the scores at their
/// initial values, which gives the random mask of the same budget (the control).</param>
/// <param name="Optimizer">Adam or SGD with momentum.</param>
/// <param name="Momentum">SGD's momentum (unused by Adam).</param>
/// <param name="WeightDecay">L2 penalty on the scores (SGD only; 0 for none).</param>
/// <param name="TrainImages">Use only the first this many training images (null: all).</param>
public sealed record EdgePopupOptions(
    int Seed = 2023,
    int Epochs = 3,
    int BatchSize = 128,
    double LearningRate = 0.02,
    ScoreOptimizer Optimizer = ScoreOptimizer.Adam,
    double Momentum = 0.9,
    double WeightDecay = 0,
    int? TrainImages = null)
{
    /// <summary>Largest number of epochs accepted.</summary>
    public const int MaxEpochs = 100;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the option and its value when one is unusable.</summary>
    public void Validate()
    {
        if (Epochs < 1 || Epochs > MaxEpochs)
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"Epochs must be between 1 and {MaxEpochs}; got {Epochs}.");
        if (BatchSize < 1 || BatchSize > 4096)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"BatchSize must be between 1 and 4096; got {BatchSize}.");
        if (!(LearningRate >= 0) || LearningRate > 100)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"LearningRate must be in [0, 100] (0 freezes the scores); got {LearningRate}.");
        if (!Enum.IsDefined(Optimizer))
            throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "Optimizer must be Adam or SgdMomentum.");
        if (!(Momentum >= 0 && Momentum < 1))
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, $"Momentum must be in [0, 1); got {Momentum}.");
        if (!(WeightDecay >= 0) || WeightDecay > 1)
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, $"WeightDecay must be in [0, 1]; got {WeightDecay}.");
        if (TrainImages is < 1)
            throw new ArgumentOutOfRangeException(nameof(TrainImages), TrainImages, $"TrainImages must be positive or null; got {TrainImages}.");
    }
}
