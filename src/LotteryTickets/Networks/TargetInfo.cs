namespace LotteryTickets.Networks;

/// <summary>
/// What is known about a saved target: its architecture, how it was trained (seed, options, the command
/// that reproduces it, threads) and how well it does. Written next to the weights as JSON by
/// <see cref="TargetFile.Save"/>.
/// </summary>
/// <param name="Architecture">The architecture the weights belong to.</param>
/// <param name="Seed">Seed of the initialisation and of the batch order.</param>
/// <param name="Training">The training options used (null for targets that were not trained).</param>
/// <param name="TrainingCommand">Shell command, run from the repository's top, that reproduces the files.</param>
/// <param name="TestAccuracy">Accuracy on the 10,000 Fashion-MNIST test images (null when not measured).</param>
/// <param name="TrainAccuracy">Accuracy on the training images used (null when not measured).</param>
/// <param name="TorchThreads">libtorch threads used for training (results can differ in the last bits with other counts).</param>
/// <param name="TrainingSeconds">Wall-clock training time on the machine that produced the files.</param>
/// <param name="WeightsFile">Name of the binary weights file, relative to the JSON file's folder.</param>
/// <param name="WeightsSha256">SHA-256 of the weights file, lower-case hex; checked on load.</param>
/// <param name="Format">Format marker, always <see cref="TargetFile.FormatName"/>.</param>
/// <param name="Version">Format version, <see cref="TargetFile.FormatVersion"/>.</param>
public sealed record TargetInfo(
    TargetArchitecture Architecture,
    int Seed,
    TrainingOptions? Training,
    string TrainingCommand,
    double? TestAccuracy,
    double? TrainAccuracy,
    int TorchThreads,
    double TrainingSeconds,
    string WeightsFile,
    string WeightsSha256,
    string Format = TargetFile.FormatName,
    int Version = TargetFile.FormatVersion);
