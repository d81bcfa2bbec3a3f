using BenchmarkDotNet.Running;
using LotteryTickets.Benchmarks;

// Every benchmark class in this assembly; pick with --filter, e.g.
//   dotnet run -c Release --project src/LotteryTickets.Benchmarks -- --filter '*CoverageRadius*'
// The k-tree quality report (median error and time per instance) is not a BenchmarkDotNet run:
//   dotnet run -c Release --project src/LotteryTickets.Benchmarks -- ktree --d 9 --m 128,256 --methods ktree,local
// The exact best subset in d = 9 against CP-SAT, instance by instance (median over 5):
//   dotnet run -c Release --project src/LotteryTickets.Benchmarks -- exact --n 32,36,40 --instances 5 --workers 2
// One 1-D coverage-radius method per process, for its peak memory under /usr/bin/time -f %M:
//   dotnet run -c Release --project src/LotteryTickets.Benchmarks -- coverage --n 26 --method of
if (args.Length > 0 && args[0] == "ktree")
    KTreeReport.Run(args[1..]);
else if (args.Length > 0 && args[0] == "exact")
    ExactSearchReport.Run(args[1..]);
else if (args.Length > 0 && args[0] == "coverage")
    CoverageRadiusCommand.Run(args[1..]);
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
