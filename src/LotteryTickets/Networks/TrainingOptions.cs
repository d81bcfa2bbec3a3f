namespace LotteryTickets.Networks;

/// <summary>How <see cref="TargetTrainer"/> trains a target.</summary>
/// <param name="Seed">Seed of the weight initialisation and of the batch order.</param>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="BatchSize">Images per gradient step.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="MaxAbsWeight">After every step each weight is clamped into [-MaxAbsWeight, MaxAbsWeight], so the target stays in the max-norm ball the theorem covers (at most 1).</param>
/// <param name="TrainImages">Use only the first this many training images (null: all 60,000).</param>
public sealed record TrainingOptions(
    int Seed = 2023,
    int Epochs = 2,
    int BatchSize = 64,
    double LearningRate = 0.01,
    double MaxAbsWeight = 1.0,
    int? TrainImages = null)
{
    /// <summary>Largest number of epochs accepted.</summary>
    public const int MaxEpochs = 100;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for unusable values.</summary>
    public void Validate()
    {
        if (Epochs < 1 || Epochs > MaxEpochs)
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"Epochs must be between 1 and {MaxEpochs}; got {Epochs}.");
        if (BatchSize < 1 || BatchSize > 4096)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"BatchSize must be between 1 and 4096; got {BatchSize}.");
        if (!(LearningRate > 0) || LearningRate > 1)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"LearningRate must be in (0, 1]; got {LearningRate}.");
        if (!(MaxAbsWeight > 0) || MaxAbsWeight > TargetCnn.MaxNormBound)
            throw new ArgumentOutOfRangeException(nameof(MaxAbsWeight), MaxAbsWeight, $"MaxAbsWeight must be in (0, {TargetCnn.MaxNormBound}]; got {MaxAbsWeight}.");
        if (TrainImages is < 1)
            throw new ArgumentOutOfRangeException(nameof(TrainImages), TrainImages, $"TrainImages must be positive or null; got {TrainImages}.");
    }
}

/// <summary>A progress report of <see cref="TargetTrainer.Train"/>.</summary>
/// <param name="Epoch">Current epoch, from 1.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean cross-entropy over the recent steps of this epoch.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss)
{
    /// <inheritdoc />
    public override string ToString() => $"epoch {Epoch}/{Epochs}, step {Step}/{Steps}, loss {Loss:F4}";
}

/// <summary>The outcome of training.</summary>
/// <param name="Target">The trained target (weights within [-MaxAbsWeight, MaxAbsWeight]).</param>
/// <param name="EpochLosses">Mean training loss of each epoch.</param>
/// <param name="TrainAccuracy">Accuracy on the training images used.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record TrainingResult(TargetCnn Target, IReadOnlyList<double> EpochLosses, double TrainAccuracy, TimeSpan Elapsed);
