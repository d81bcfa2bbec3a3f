using LotteryTickets.Networks;

namespace LotteryTickets.Learning;

/// <summary>The target a results file was computed for.</summary>
/// <param name="File">The target description, relative to the repository's top.</param>
/// <param name="WeightsSha256">SHA-256 of its weights file.</param>
/// <param name="Architecture">Its architecture.</param>
/// <param name="TestAccuracy">Its test accuracy as recorded in the description.</param>
/// <param name="TrainingSeconds">Its training time as recorded.</param>
public sealed record ResultsTarget(string File, string WeightsSha256, TargetArchitecture Architecture, double? TestAccuracy, double TrainingSeconds);
