namespace LotteryTickets.Learning;

/// <summary>Where and how a results file was computed.</summary>
/// <param name="Processor">CPU model.</param>
/// <param name="Cores">Logical cores.</param>
/// <param name="OperatingSystem">Operating system.</param>
/// <param name="DotNet">.NET runtime.</param>
/// <param name="TorchThreads">Torch threads for learning and timing.</param>
/// <param name="ConstructionThreads">Threads of the ticket construction.</param>
/// <param name="LoadAverageBefore">1-, 5- and 15-minute load averages when the run started.</param>
/// <param name="LoadAverageAfter">The same when it ended.</param>
/// <param name="TotalSeconds">Wall-clock time of the whole run.</param>
public sealed record ResultsMachine(string Processor, int Cores, string OperatingSystem, string DotNet, int TorchThreads, int ConstructionThreads,
    string LoadAverageBefore, string LoadAverageAfter, double TotalSeconds);
