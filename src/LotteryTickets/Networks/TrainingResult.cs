namespace LotteryTickets.Networks;

/// <summary>The outcome of training.</summary>
/// <param name="Target">The trained target (weights within [-MaxAbsWeight, MaxAbsWeight]).</param>
/// <param name="EpochLosses">Mean training loss of each epoch.</param>
/// <param name="TrainAccuracy">Accuracy on the training images used.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record TrainingResult(TargetCnn Target, IReadOnlyList<double> EpochLosses, double TrainAccuracy, TimeSpan Elapsed);
