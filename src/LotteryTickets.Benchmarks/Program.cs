using BenchmarkDotNet.Running;
using LotteryTickets.Benchmarks;

// Every benchmark class in this assembly; pick with --filter, e.g.
//   dotnet run -c Release --project src/LotteryTickets.Benchmarks -- --filter '*CoverageRadius*'
// The k-tree quality report (median error and time per instance) is not a BenchmarkDotNet run:
//   dotnet run -c Release --project src/LotteryTickets.Benchmarks -- ktree --d 9 --m 128,256 --methods ktree,local
if (args.Length > 0 && args[0] == "ktree")
    KTreeReport.Run(args[1..]);
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
