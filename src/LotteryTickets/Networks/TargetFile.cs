using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using LotteryTickets.Workbook;

namespace LotteryTickets.Networks;

/// <summary>
/// Saves and loads a target CNN as two files: a JSON description (<see cref="TargetInfo"/>) and a
/// binary weights file. Weights format (little-endian): the 8 ASCII bytes <c>LTCNNW01</c>, an int32
/// layer count <c>L</c>, then for each layer four int32 <c>(c_out, c_in, d, d)</c>, then each layer's
/// float32 weights in row-major order, nothing after. Loading checks the magic, the shapes against the
/// JSON architecture, the exact length, the SHA-256 recorded in the JSON, finiteness and the max-norm bound,
/// and says which check failed.
/// </summary>
public static class TargetFile
{
    /// <summary>The JSON's <c>format</c> entry.</summary>
    public const string FormatName = "lottery-tickets-target";

    /// <summary>The JSON's <c>version</c> entry.</summary>
    public const int FormatVersion = 1;

    /// <summary>The first bytes of a weights file.</summary>
    public static ReadOnlySpan<byte> Magic => "LTCNNW01"u8;

    /// <summary>The 2x2 target's JSON file, relative to the repository's top (<see cref="CommittedTargets"/> lists every committed target).</summary>
    public const string DefaultJsonPath = "data/target-fashion-mnist.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Writes <paramref name="target"/> to <paramref name="jsonPath"/> and its weights to the file named by
    /// <paramref name="info"/>.WeightsFile (next to the JSON); the SHA-256 and architecture are filled in.
    /// </summary>
    public static TargetInfo Save(TargetCnn target, TargetInfo info, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(info);
        string folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        Directory.CreateDirectory(folder);
        byte[] weights = EncodeWeights(target);
        File.WriteAllBytes(Path.Combine(folder, info.WeightsFile), weights);
        var written = info with { Architecture = target.Architecture, WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(weights)) };
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(written, Json) + "\n");
        return written;
    }

    /// <summary>Reads a target saved by <see cref="Save"/>.</summary>
    /// <param name="jsonPath">The JSON description.</param>
    /// <param name="expected">When given, the file's architecture must equal it.</param>
    /// <param name="enforceMaxNorm">Reject weights outside [-1, 1] (the theorem's assumption); turn off only to inspect foreign targets.</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, truncated, does not match the JSON or <paramref name="expected"/>, or breaks the max-norm bound.</exception>
    public static (TargetCnn Target, TargetInfo Info) Load(string jsonPath, TargetArchitecture? expected = null, bool enforceMaxNorm = true)
    {
        if (!File.Exists(jsonPath)) throw new FileNotFoundException($"Target description '{Path.GetFullPath(jsonPath)}' does not exist.", jsonPath);
        TargetInfo? info;
        try { info = JsonSerializer.Deserialize<TargetInfo>(File.ReadAllText(jsonPath), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{jsonPath} is not a valid target description: {e.Message}", e); }
        if (info is null || info.Architecture is null || info.WeightsFile is null || info.Format != FormatName)
            throw new InvalidDataException($"{jsonPath} is not a target description (format must be \"{FormatName}\" with architecture and weightsFile).");
        if (info.Version != FormatVersion)
            throw new InvalidDataException($"{jsonPath} has format version {info.Version}; this library reads version {FormatVersion}.");
        try { info.Architecture.Validate("architecture"); }
        catch (ArgumentException e) { throw new InvalidDataException($"{jsonPath}: invalid architecture: {e.Message}", e); }
        if (expected is not null && !expected.SameAs(info.Architecture))
            throw new InvalidDataException($"{jsonPath} holds architecture {info.Architecture}, but {expected} was expected.");

        string weightsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!, info.WeightsFile);
        if (!File.Exists(weightsPath)) throw new FileNotFoundException($"Weights file '{weightsPath}' named by {jsonPath} does not exist.", weightsPath);
        byte[] bytes = File.ReadAllBytes(weightsPath);
        var kernels = DecodeWeights(bytes, info.Architecture, weightsPath);
        if (!string.IsNullOrEmpty(info.WeightsSha256))
        {
            string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(actual, info.WeightsSha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{weightsPath}: SHA-256 {actual} differs from {info.WeightsSha256} recorded in {jsonPath} (file changed or corrupt).");
        }
        var target = new TargetCnn(info.Architecture, kernels);
        if (enforceMaxNorm && target.MaxAbsWeight > TargetCnn.MaxNormBound + 1e-6)
            throw new InvalidDataException(
                $"{weightsPath}: largest |weight| is {target.MaxAbsWeight:G6}, above {TargetCnn.MaxNormBound}. The subset-sum covering behind the theorem is over [-1, 1]^d, so targets must lie in the max-norm unit ball (scale or clamp the weights, or pass enforceMaxNorm: false to inspect).");
        return (target, info);
    }

    /// <summary>Loads the committed 2x2 target (<see cref="DefaultJsonPath"/> below the repository's top, found through environment.json); <see cref="CommittedTargets.Load"/> loads any committed target by name, the 3x3 default included.</summary>
    public static (TargetCnn Target, TargetInfo Info) LoadDefault(WorkbookEnvironment? environment = null)
    {
        var env = environment ?? WorkbookEnvironment.Load();
        return Load(env.ResolvePath(DefaultJsonPath), TargetArchitecture.FashionMnistDefault);
    }

    /// <summary>The weights file's bytes for <paramref name="target"/>.</summary>
    public static byte[] EncodeWeights(TargetCnn target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var layers = target.Architecture.Layers;
        int length = Magic.Length + 4 + layers.Count * 16 + target.Kernels.Sum(k => k.Length) * 4;
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        int at = Magic.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], layers.Count); at += 4;
        foreach (var s in layers)
            foreach (int dim in new[] { s.OutChannels, s.InChannels, s.KernelSize, s.KernelSize })
            { BinaryPrimitives.WriteInt32LittleEndian(span[at..], dim); at += 4; }
        foreach (var kernel in target.Kernels)
            foreach (float w in kernel)
            { BinaryPrimitives.WriteSingleLittleEndian(span[at..], w); at += 4; }
        return bytes;
    }

    /// <summary>Decodes a weights file for <paramref name="architecture"/>, checking magic, shapes, length and finiteness.</summary>
    public static IReadOnlyList<float[]> DecodeWeights(byte[] bytes, TargetArchitecture architecture, string path = "weights")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(architecture);
        var span = bytes.AsSpan();
        if (span.Length < Magic.Length + 4 || !span[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a target weights file (it must start with the bytes 'LTCNNW01').");
        int at = Magic.Length;
        int count = BinaryPrimitives.ReadInt32LittleEndian(span[at..]); at += 4;
        var layers = architecture.Layers;
        if (count != layers.Count)
            throw new InvalidDataException($"{path}: holds {count} layers, the architecture has {layers.Count}.");
        if (span.Length < at + 16 * count)
            throw new InvalidDataException($"{path}: truncated inside the shape table ({span.Length} bytes).");
        for (int l = 0; l < count; l++)
        {
            var s = layers[l];
            var dims = new int[4];
            for (int k = 0; k < 4; k++, at += 4) dims[k] = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
            if (dims[0] != s.OutChannels || dims[1] != s.InChannels || dims[2] != s.KernelSize || dims[3] != s.KernelSize)
                throw new InvalidDataException($"{path}: layer {l} has shape ({string.Join(", ", dims)}); the architecture needs ({s.OutChannels}, {s.InChannels}, {s.KernelSize}, {s.KernelSize}).");
        }
        long expected = at + 4L * architecture.WeightCount;
        if (span.Length != expected)
            throw new InvalidDataException($"{path}: {span.Length} bytes, but the shapes need exactly {expected} ({(span.Length < expected ? "truncated" : "extra bytes at the end")}).");
        var kernels = new List<float[]>(count);
        for (int l = 0; l < count; l++)
        {
            var kernel = new float[layers[l].WeightCount];
            for (int i = 0; i < kernel.Length; i++, at += 4)
            {
                kernel[i] = BinaryPrimitives.ReadSingleLittleEndian(span[at..]);
                if (!float.IsFinite(kernel[i])) throw new InvalidDataException($"{path}: layer {l} weight {i} is not finite ({kernel[i]}).");
            }
            kernels.Add(kernel);
        }
        return kernels;
    }
}
