using LotteryNotebooks.Readme;

// Writes the README's generated parts from the last workbook run. Usage (from anywhere in the repository):
//   dotnet run -c Release --project src/LotteryNotebooks.Readme [-- --artifacts DIR]
const string Usage = """
    Writes the README's result images (docs/images/*.png, headless Chromium screenshots of chosen charts of the
    executed pages) and the notebooks table's run times (from run-summary.json), after a workbook run:

      dotnet run -c Release --project src/LotteryNotebooks.Runner
      dotnet run -c Release --project src/LotteryNotebooks.Readme [-- --artifacts DIR]

    --artifacts DIR   the run's output folder (default: artifacts), holding run-summary.json and notebooks/*.html
    """;

string? artifacts = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        case "--artifacts" when i + 1 < args.Length:
            artifacts = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}' (or a missing value). Allowed: --artifacts DIR, --help.");
            return 2;
    }
}

string? root = null;
for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null && root is null; dir = dir.Parent)
    if (File.Exists(Path.Combine(dir.FullName, "environment.json")) && File.Exists(Path.Combine(dir.FullName, "README.md"))) root = dir.FullName;
if (root is null)
{
    Console.Error.WriteLine("Run this from inside the LotteryNotebooks repository (no environment.json and README.md above the current folder).");
    return 2;
}

try
{
    foreach (var line in ReadmeGenerator.Run(root, Path.GetFullPath(artifacts ?? Path.Combine(root, "artifacts"))))
        Console.WriteLine(line);
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or TimeoutException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
