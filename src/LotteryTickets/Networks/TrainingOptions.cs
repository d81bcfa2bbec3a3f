using System.Text.Json.Serialization;

namespace LotteryTickets.Networks;

/// <summary>How <see cref="TargetTrainer"/> trains a target.</summary>
/// <param name="Seed">Seed of the weight initialisation and of the batch order.</param>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="BatchSize">Images per gradient step.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="MaxAbsWeight">After every step each weight is clamped into [-MaxAbsWeight, MaxAbsWeight], so the target stays in the max-norm ball the theorem covers (at most 1).</param>
/// <param name="TrainImages">Use only the first this many training images (null: all 60,000).</param>
/// <param name="Schedule">How the learning rate changes over the run (<see cref="LearningRateSchedule.Constant"/> by default).</param>
/// <param name="MaxShift">Augmentation: each training image is moved by a random offset of up to this many pixels in each direction, the uncovered border filled with 0 (0: no shift).</param>
/// <param name="HorizontalFlip">Augmentation: each training image is mirrored left to right with probability 1/2.</param>
/// <param name="WeightNoise">Noise-aware training: at every step the gradient is taken with every weight moved by independent noise uniform in [-WeightNoise, WeightNoise] (0: off), so that the trained target keeps its accuracy when a ticket approximates each kernel only to within a max-norm error of about this size.</param>
public sealed record TrainingOptions(
    int Seed = 2023,
    int Epochs = 2,
    int BatchSize = 64,
    double LearningRate = 0.01,
    double MaxAbsWeight = 1.0,
    int? TrainImages = null,
    LearningRateSchedule Schedule = LearningRateSchedule.Constant,
    int MaxShift = 0,
    bool HorizontalFlip = false,
    double WeightNoise = 0)
{
    /// <summary>Largest number of epochs accepted.</summary>
    public const int MaxEpochs = 100;

    /// <summary>Largest <see cref="MaxShift"/> accepted.</summary>
    public const int MaxMaxShift = 8;

    /// <summary>True when images are shifted or flipped during training.</summary>
    internal bool Augments => MaxShift > 0 || HorizontalFlip;

    /// <summary>The learning rate of step <paramref name="step"/> (from 0) of a run of <paramref name="totalSteps"/> steps.</summary>
    public double LearningRateAt(int step, int totalSteps) => Schedule switch
    {
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / totalSteps)),
        _ => LearningRate,
    };

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
        if (!Enum.IsDefined(Schedule))
            throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, $"Schedule must be one of {string.Join(", ", Enum.GetNames<LearningRateSchedule>())}; got {Schedule}.");
        if (!(WeightNoise >= 0) || WeightNoise > MaxAbsWeight)
            throw new ArgumentOutOfRangeException(nameof(WeightNoise), WeightNoise, $"WeightNoise must be between 0 and MaxAbsWeight ({MaxAbsWeight}); got {WeightNoise}.");
        if (MaxShift < 0 || MaxShift > MaxMaxShift)
            throw new ArgumentOutOfRangeException(nameof(MaxShift), MaxShift, $"MaxShift must be between 0 and {MaxMaxShift}; got {MaxShift}.");
    }
}
