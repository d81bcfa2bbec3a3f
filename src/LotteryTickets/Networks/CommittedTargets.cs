using LotteryTickets.Workbook;

namespace LotteryTickets.Networks;

/// <summary>
/// The trained targets committed in <c>data/</c>, by name. <see cref="Default"/> (<c>fashion-mnist-3x3</c>) is the
/// workbook's default target; <c>fashion-mnist-2x2</c> is a smaller, less accurate one whose tickets build in seconds.
/// <code>var (target, info) = CommittedTargets.Load("fashion-mnist-2x2");</code>
/// </summary>
public static class CommittedTargets
{
    /// <summary>
    /// The default target: Fashion-MNIST, five 3x3 convolutions (<see cref="TargetArchitecture.FashionMnist3x3"/>), every
    /// weight in [-1, 1], 88.1 % test accuracy. Trained for 10 epochs with a cosine learning rate and noise-aware steps
    /// (<see cref="TrainingOptions.WeightNoise"/> = 0.05), so that kernel noise of max-norm 0.05 costs it about half a
    /// point on average. docs/construction.md §1 has the candidates and measurements it was chosen from.
    /// </summary>
    public static CommittedTarget FashionMnist3x3 { get; } = new(
        "fashion-mnist-3x3",
        TargetFile.DefaultJsonPath,
        TargetArchitecture.FashionMnist3x3,
        new TrainingOptions(Seed: 2023, Epochs: 10, BatchSize: 64, LearningRate: 0.01, Schedule: LearningRateSchedule.Cosine, WeightNoise: 0.05),
        TorchThreads: 1,
        "the default target: 3x3 kernels (kernel-ticket instances in dimension 9), 88 % test accuracy, trained to tolerate kernel errors up to about 0.05");

    /// <summary>The earlier default: Fashion-MNIST, 2x2 kernels (instances in dimension 4), 80.4 % test accuracy; its tickets build in seconds.</summary>
    public static CommittedTarget FashionMnist2x2 { get; } = new(
        "fashion-mnist-2x2",
        TargetFile.FashionMnist2x2JsonPath,
        TargetArchitecture.FashionMnist2x2,
        new TrainingOptions(Seed: 2023, Epochs: 3, BatchSize: 64, LearningRate: 0.01),
        TorchThreads: 1,
        "2x2 kernels (kernel-ticket instances in dimension 4): less accurate, but its tickets build in seconds");

    /// <summary>The workbook's default target, <see cref="FashionMnist3x3"/>.</summary>
    public static CommittedTarget Default => FashionMnist3x3;

    /// <summary>Every committed target, the default first.</summary>
    public static IReadOnlyList<CommittedTarget> All { get; } = [FashionMnist3x3, FashionMnist2x2];

    /// <summary>The names of the committed targets.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToArray();

    /// <summary>The committed target called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No target has that name; the message lists the names.</exception>
    public static CommittedTarget Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"no committed target is called '{name}'; the committed targets are {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>True when <paramref name="name"/> names a committed target.</summary>
    public static bool Contains(string name) => name is not null && All.Any(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads the committed target called <paramref name="name"/> (see <see cref="CommittedTarget.Load"/>).</summary>
    public static (TargetCnn Target, TargetInfo Info) Load(string name, WorkbookEnvironment? environment = null) => Get(name).Load(environment);

    /// <summary>
    /// What a <c>--target</c> option names: a committed target by name, or a target JSON by path (relative to the
    /// repository's top or absolute). Returns the target, its description, the name to show (the committed name or the
    /// path as given) and its JSON path relative to the repository's top.
    /// </summary>
    /// <param name="nameOrPath">A name of <see cref="Names"/> or a path ending in <c>.json</c>.</param>
    /// <param name="environment">The workbook's environment (its root resolves relative paths).</param>
    /// <exception cref="ArgumentException">Neither a committed target nor a JSON path.</exception>
    public static (TargetCnn Target, TargetInfo Info, string Name, string JsonPath) LoadNameOrPath(string nameOrPath, WorkbookEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        ArgumentNullException.ThrowIfNull(environment);
        if (Contains(nameOrPath))
        {
            var committed = Get(nameOrPath);
            var (target, info) = committed.Load(environment);
            return (target, info, committed.Name, committed.JsonPath);
        }
        if (!nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"--target takes a committed target ({string.Join(", ", Names)}) or a target JSON file; got '{nameOrPath}'.", "target");
        string path = environment.ResolvePath(nameOrPath);
        var (loaded, loadedInfo) = TargetFile.Load(path);
        return (loaded, loadedInfo, nameOrPath, Path.GetRelativePath(environment.Root, path).Replace('\\', '/'));
    }
}
