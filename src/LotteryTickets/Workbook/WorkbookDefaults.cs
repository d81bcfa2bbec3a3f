namespace LotteryTickets.Workbook;

/// <summary>Defaults every experiment starts from; notebooks copy them into their parameters cell.</summary>
/// <param name="Seed">Base seed of every random experiment: the same seed gives the same numbers.</param>
/// <param name="TorchThreads">Threads libtorch may use (one gives the most stable timings on shared 2-core machines).</param>
/// <param name="DatasetSearchPath">Folders searched in order for datasets (relative entries are relative to the repository's top).</param>
/// <param name="ArtifactsFolder">Where executed notebooks, pages and measurements are written (relative to the repository's top).</param>
public sealed record WorkbookDefaults(int Seed, int TorchThreads, IReadOnlyList<string> DatasetSearchPath, string ArtifactsFolder);
