// Reproducible jobs of the CNN-ticket part of the workbook (training targets, measuring ticket construction and
// robustness to kernel noise). Run from the repository's top:
//   dotnet run -c Release --project src/LotteryTickets.Train -- help
return LotteryTickets.Train.TrainConsole.Run(args, Console.Out, Console.Error);
