using LotteryTickets.Workbook;

namespace LotteryTickets.Networks;

/// <summary>
/// A trained target CNN committed in the repository's <c>data/</c> folder, with the recipe that produced it.
/// <see cref="CommittedTargets"/> lists them by name; notebooks and the consoles pick one with a <c>targetName</c>
/// parameter or a <c>--target</c> option.
/// </summary>
/// <param name="Name">Short name used to select it, e.g. <c>fashion-mnist-3x3</c>.</param>
/// <param name="JsonPath">Its JSON description, relative to the repository's top (the weights file sits next to it).</param>
/// <param name="Architecture">Its architecture (loading checks the file against it).</param>
/// <param name="Training">The training options that reproduce it with <see cref="TargetTrainer.Train"/> on Fashion-MNIST's training images.</param>
/// <param name="TorchThreads">The libtorch thread count it was trained with (training is bit-for-bit reproducible for a seed and thread count).</param>
/// <param name="Description">What it is for, in a sentence.</param>
public sealed record CommittedTarget(string Name, string JsonPath, TargetArchitecture Architecture, TrainingOptions Training, int TorchThreads, string Description)
{
    /// <summary>Loads the target and its description from <see cref="JsonPath"/> below the repository's top (found through environment.json).</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed or does not match <see cref="Architecture"/>.</exception>
    public (TargetCnn Target, TargetInfo Info) Load(WorkbookEnvironment? environment = null)
    {
        var env = environment ?? WorkbookEnvironment.Load();
        return TargetFile.Load(env.ResolvePath(JsonPath), Architecture);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({JsonPath}): {Description}";
}
