using System.Globalization;
using LotteryTickets.Networks;
using LotteryTickets.Workbook;
using TorchSharp;

// Reproducible jobs of the CNN-ticket part of the workbook. Run from the repository's top:
//   dotnet run -c Release --project src/LotteryTickets.Train -- target [options]
string command = args.Length > 0 ? args[0] : "help";
var options = ParseOptions(args.Skip(1).ToArray());
var env = WorkbookEnvironment.Load();
int threads = Int("threads", env.Defaults.TorchThreads);
torch.set_num_threads(threads);

switch (command)
{
    case "target":
        TrainTarget();
        break;
    default:
        Console.WriteLine("""
            usage: dotnet run -c Release --project src/LotteryTickets.Train -- <command> [--option value ...]
              target        train the default Fashion-MNIST target and write it to data/
                            --seed 2023 --epochs 2 --batch 64 --lr 0.01 --train-images 60000 --threads 1
                            --out data/target-fashion-mnist.json
            """);
        return command == "help" ? 0 : 2;
}
return 0;

void TrainTarget()
{
    var training = new TrainingOptions(
        Seed: Int("seed", env.Defaults.Seed),
        Epochs: Int("epochs", 2),
        BatchSize: Int("batch", 64),
        LearningRate: Double("lr", 0.01),
        TrainImages: options.ContainsKey("train-images") ? Int("train-images", 60000) : null);
    string output = env.ResolvePath(Str("out", TargetFile.DefaultJsonPath));
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

static Dictionary<string, string> ParseOptions(string[] rest)
{
    var result = new Dictionary<string, string>();
    for (int i = 0; i < rest.Length; i++)
    {
        if (!rest[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= rest.Length)
            throw new ArgumentException($"options come as --name value pairs; got '{rest[i]}'.");
        result[rest[i][2..]] = rest[++i];
    }
    return result;
}

int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
double Double(string name, double fallback) => options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
string Str(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;
