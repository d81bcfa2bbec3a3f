// The full comparison of learned (edge-popup) and constructed masks behind notebook 07. Run from the repository's top:
//   dotnet run -c Release --project src/LotteryTickets.Learn -- help
return LotteryTickets.Learn.LearnConsole.Run(args, Console.Out, Console.Error);
