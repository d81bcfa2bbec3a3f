using System.Globalization;
using System.Diagnostics;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Workbook;
using TorchSharp;

// Reproducible jobs of the CNN-ticket part of the workbook. Run from the repository's top:
//   dotnet run -c Release --project src/LotteryTickets.Train -- target [options]
string command = args.Length > 0 ? args[0] : "help";
CommandOptions options;
try
{
    options = CommandOptions.Parse(args.Skip(1).ToArray(),
        ["seed", "epochs", "batch", "lr", "train-images", "threads", "out", "n", "variants", "tolerance", "node-limit", "parallel", "test-images"]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
var env = WorkbookEnvironment.Load();
int threads = 1;
try
{
    threads = options.Int("threads", env.Defaults.TorchThreads);
    torch.set_num_threads(threads);
    switch (command)
    {
        case "target":
            TrainTarget();
            return 0;
        case "construction":
            MeasureConstruction();
            return 0;
    }
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
Console.WriteLine("""
            usage: dotnet run -c Release --project src/LotteryTickets.Train -- <command> [--option value ...]
              target        train the default Fashion-MNIST target and write it to data/
                            --seed 2023 --epochs 3 --batch 64 --lr 0.01 --train-images 60000 --threads 1
                            --out data/target-fashion-mnist.json
              construction  build tickets of the committed target for several n and report time, error, density, accuracy
                            --n 16,32,64 --variants kernel,filter,unstructured --tolerance 0.01 --seed 2023
                            --parallel 2 --test-images 10000 --out artifacts/construction-times.csv
            """);
return command == "help" ? 0 : 2;

void TrainTarget()
{
    var training = new TrainingOptions(
        Seed: options.Int("seed", env.Defaults.Seed),
        Epochs: options.Int("epochs", 3),
        BatchSize: options.Int("batch", 64),
        LearningRate: options.Double("lr", 0.01),
        TrainImages: options.Has("train-images") ? options.Int("train-images", 60000) : null);
    string output = env.ResolvePath(options.String("out", TargetFile.DefaultJsonPath));
    var data = FashionMnist.Load();
    Console.WriteLine($"{data}; training {TargetArchitecture.FashionMnistDefault} with {training}, {threads} torch thread(s)");
    var progress = new SyncProgress<TrainingProgress>(p => Console.Write($"\r{p}   "), TimeSpan.FromSeconds(2));
    var result = TargetTrainer.Train(TargetArchitecture.FashionMnistDefault, data.Train, training, progress);
    Console.WriteLine();
    double test = NetworkEvaluation.Accuracy(result.Target.ToNetwork(), data.Test);
    string commandLine = "dotnet run -c Release --project src/LotteryTickets.Train -- " + string.Join(" ", args);
    var info = new TargetInfo(result.Target.Architecture, training.Seed, training, commandLine, test, result.TrainAccuracy, threads,
        Math.Round(result.Elapsed.TotalSeconds, 1), Path.GetFileNameWithoutExtension(output) + ".weights", "");
    TargetFile.Save(result.Target, info, output);
    Console.WriteLine($"epoch losses {string.Join(", ", result.EpochLosses.Select(l => l.ToString("F4", CultureInfo.InvariantCulture)))}");
    Console.WriteLine($"train accuracy {result.TrainAccuracy:P2}, test accuracy {test:P2}, max |w| {result.Target.MaxAbsWeight:F4}, {result.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"wrote {output}");
}

void MeasureConstruction()
{
    var (target, _) = TargetFile.LoadDefault(env);
    int[] ns = options.Ints("n", [16, 32, 64]);
    var variants = options.Enums("variants", [TicketVariant.Kernel, TicketVariant.Filter, TicketVariant.Unstructured]);
    var ticketOptions = new TicketOptions { SliceTolerance = options.Double("tolerance", TicketOptions.Default.SliceTolerance), MaxDegreeOfParallelism = options.Int("parallel", Environment.ProcessorCount) };
    if (options.OptionalLong("node-limit") is long limit) ticketOptions = ticketOptions with { NodeLimitPerSlice = limit };
    int seed = options.Int("seed", env.Defaults.Seed);
    var test = FashionMnist.IsAvailable() ? FashionMnist.Load().Test.Take(options.Int("test-images", 10000)) : null;
    string output = env.ResolvePath(options.String("out", Path.Combine(env.Defaults.ArtifactsFolder, "construction-times.csv")));
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    var lines = new List<string> { "variant,n,seconds,max_slice_error,mean_slice_error,slices_above_tolerance,slices,random_weights,kept_weights,density,kept_filters,compact_weights,random_sup_error,budget,test_agreement,target_accuracy,ticket_accuracy" };
    string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
    Console.WriteLine($"target {target}; {ticketOptions.MaxDegreeOfParallelism} construction thread(s), {threads} torch thread(s), {Environment.ProcessorCount} processors, load average {load}; {ticketOptions}");
    foreach (int n in ns)
    {
        var random = RandomNetwork.Create(target.Architecture, n, seed);
        foreach (var variant in variants)
        {
            var watch = Stopwatch.StartNew();
            var ticket = variant switch
            {
                TicketVariant.Kernel => KernelTicket.Build(target, random, ticketOptions),
                TicketVariant.Filter => FilterTicket.Build(target, random, ticketOptions),
                _ => UnstructuredTicket.Build(target, random, ticketOptions),
            };
            double seconds = watch.Elapsed.TotalSeconds;
            var stats = ticket.Statistics().Total;
            // The folded ticket computes the same function as the masked and compact ones (tested) at the target's cost.
            var report = TicketVerification.Verify(target, ticket.Folded(), ticket.Budget(), test, new VerificationOptions(Seed: seed));
            var compact = ticket.Compact();
            string line = string.Join(",", variant, n, seconds.ToString("F2", CultureInfo.InvariantCulture), ticket.MaxSliceError.ToString("G4", CultureInfo.InvariantCulture),
                ticket.Layers.Average(l => l.MeanError).ToString("G4", CultureInfo.InvariantCulture), ticket.Layers.Sum(l => l.AboveTolerance), ticket.Layers.Sum(l => l.Instances),
                stats.RandomWeights, stats.KeptWeights, stats.Density.ToString("G4", CultureInfo.InvariantCulture), stats.KeptFilters, compact.ParameterCount,
                report.Random.SupError.ToString("G4", CultureInfo.InvariantCulture), report.BudgetBound.ToString("G4", CultureInfo.InvariantCulture),
                report.Test?.Agreement.ToString("F4", CultureInfo.InvariantCulture) ?? "", report.TargetTestAccuracy?.ToString("F4", CultureInfo.InvariantCulture) ?? "",
                report.TicketTestAccuracy?.ToString("F4", CultureInfo.InvariantCulture) ?? "");
            lines.Add(line);
            Console.WriteLine(line);
        }
    }
    File.WriteAllLines(output, lines);
    Console.WriteLine($"wrote {output}");
}
