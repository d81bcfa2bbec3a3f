using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; pick with --filter, e.g.
//   dotnet run -c Release --project src/LotteryTickets.Benchmarks -- --filter '*CoverageRadius*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
