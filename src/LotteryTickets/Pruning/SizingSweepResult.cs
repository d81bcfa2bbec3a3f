using System.Text.Json;
using LotteryTickets.Workbook;

namespace LotteryTickets.Pruning;

/// <summary>A sizing sweep: its provenance, the sizes per (target, η) and the accuracies per seed.</summary>
/// <param name="Provenance">Command, seeds, machine.</param>
/// <param name="Sizing">One row per (target, η).</param>
/// <param name="Accuracy">One row per (target, seed).</param>
public sealed record SizingSweepResult(SizingProvenance Provenance, IReadOnlyList<SizingRow> Sizing, IReadOnlyList<SeedAccuracyRow> Accuracy)
{
    /// <summary>Writes the sweep as JSON (strict format, see <see cref="StrictJson"/>).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, StrictJson.Options) + "\n");
    }

    /// <summary>Reads a sweep written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a sizing sweep (the message names the key).</exception>
    public static SizingSweepResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No sizing sweep at {path}; the console writes one with: dotnet run -c Release --project src/LotteryTickets.Train -- sizing", path);
        return StrictJson.Deserialize<SizingSweepResult>(File.ReadAllText(path), path, "sizing sweep");
    }
}
