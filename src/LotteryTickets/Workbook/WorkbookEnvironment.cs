using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets.Workbook;

/// <summary>
/// The workbook's single source of truth, read from <c>environment.json</c> at the repository's top:
/// the package versions that notebooks and hosts rely on, the defaults every experiment starts from
/// (seed, torch thread count, where datasets are looked for, where artifacts go) and the notebooks'
/// reading order.
/// </summary>
/// <param name="Packages">NuGet package id to pinned version.</param>
/// <param name="Tools">.NET tool id to pinned version (for example the dotnet-interactive kernel).</param>
/// <param name="Library">Path of the built library as notebooks reference it with <c>#r</c>, relative to <c>notebooks/</c>.</param>
/// <param name="Defaults">The defaults experiments start from.</param>
/// <param name="Notebooks">Notebook file names in reading order.</param>
public sealed record WorkbookEnvironment(
    IReadOnlyDictionary<string, string> Packages,
    IReadOnlyDictionary<string, string> Tools,
    string Library,
    WorkbookDefaults Defaults,
    IReadOnlyList<string> Notebooks)
{
    /// <summary>The file name looked for.</summary>
    public const string FileName = "environment.json";

    /// <summary>The folder that holds <c>environment.json</c> (the repository's top).</summary>
    [JsonIgnore]
    public string Root { get; init; } = "";

    /// <summary>Absolute path of an entry of <see cref="WorkbookDefaults.DatasetSearchPath"/> or of any path relative to <see cref="Root"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));

    /// <summary>Absolute path of the artifacts folder (created on demand by whoever writes there).</summary>
    [JsonIgnore]
    public string ArtifactsFolder => ResolvePath(Defaults.ArtifactsFolder);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Finds <c>environment.json</c> in <paramref name="startFolder"/> (default: the current directory,
    /// which is the notebook's folder in every notebook host) or the nearest folder above it, and reads it.
    /// </summary>
    /// <exception cref="FileNotFoundException">No folder from the start up to the file system's root holds the file.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or lacks a required entry.</exception>
    public static WorkbookEnvironment Load(string? startFolder = null)
    {
        string start = Path.GetFullPath(startFolder ?? Directory.GetCurrentDirectory());
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return LoadFile(candidate);
        }
        throw new FileNotFoundException(
            $"No {FileName} in '{start}' or any folder above it. Open the notebook from the workbook's notebooks/ folder, or pass the repository's folder to WorkbookEnvironment.Load.",
            FileName);
    }

    /// <summary>Reads one <c>environment.json</c> file.</summary>
    public static WorkbookEnvironment LoadFile(string path)
    {
        WorkbookEnvironment? env;
        try
        {
            env = JsonSerializer.Deserialize<WorkbookEnvironment>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
        if (env is null || env.Packages is null || env.Tools is null || env.Library is null || env.Defaults is null || env.Notebooks is null)
            throw new InvalidDataException($"{path} must have the entries packages, tools, library, defaults and notebooks.");
        if (env.Defaults.DatasetSearchPath is null || env.Defaults.ArtifactsFolder is null)
            throw new InvalidDataException($"{path}: defaults must have datasetSearchPath and artifactsFolder.");
        return env with { Root = Path.GetDirectoryName(Path.GetFullPath(path))! };
    }
}
