namespace LotteryTickets.Pruning;

/// <summary>Where a sweep came from: the command, the seeds, the machine and its load.</summary>
/// <param name="Command">The command line.</param>
/// <param name="Utc">When it finished.</param>
/// <param name="Seed">Seed of the random network the sizes were searched on.</param>
/// <param name="AccuracySeeds">Seeds of the random networks of the accuracy part.</param>
/// <param name="Fraction">Share of slices per layer that had to reach η.</param>
/// <param name="MaxHiddenPerInput">Largest n tried.</param>
/// <param name="ConstructionThreads">Threads solving slices.</param>
/// <param name="TestImages">Test images of the accuracy part.</param>
/// <param name="Processors">Logical processors of the machine.</param>
/// <param name="Os">Operating system.</param>
/// <param name="Runtime">.NET runtime.</param>
/// <param name="LoadAverageStart">1, 5 and 15-minute load averages at the start (other work on the machine slows the times).</param>
/// <param name="LoadAverageEnd">The same at the end.</param>
/// <param name="Seconds">Wall time of the whole sweep.</param>
public sealed record SizingProvenance(string Command, string Utc, int Seed, IReadOnlyList<int> AccuracySeeds, double Fraction, int MaxHiddenPerInput,
    int ConstructionThreads, int TestImages, int Processors, string Os, string Runtime, string LoadAverageStart, string LoadAverageEnd, double Seconds);
