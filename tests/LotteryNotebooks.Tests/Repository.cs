using LotteryTickets.Workbook;

namespace LotteryNotebooks.Tests;

/// <summary>Paths in the repository under test.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static WorkbookEnvironment Environment => WorkbookEnvironment.Load(Root);

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>Notebooks kept for the runner's own tests (deliberately failing, parameterized, slow).</summary>
    public static string TestNotebook(string name) => Path.Combine(Root, "tests", "LotteryNotebooks.Tests", "Notebooks", name);

    /// <summary>A fresh folder under artifacts/test-runs for one test's outputs.</summary>
    public static string OutputFolder(string test)
    {
        string folder = Path.Combine(Root, "artifacts", "test-runs", test);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, WorkbookEnvironment.FileName))) return dir.FullName;
        throw new InvalidOperationException($"No {WorkbookEnvironment.FileName} above {AppContext.BaseDirectory}.");
    }
}
