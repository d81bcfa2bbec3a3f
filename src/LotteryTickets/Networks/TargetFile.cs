using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using LotteryTickets.Workbook;

namespace LotteryTickets.Networks;

/// <summary>
/// Saves and loads a target CNN as two files: a JSON description (<see cref="TargetInfo"/>) and a
/// binary weights file. Weights format (little-endian): the 8 ASCII bytes <c>LTCNNW01</c>, an int32
/// layer count <c>L</c>, then for each layer four int32 <c>(c_out, c_in, d, d)</c>, then each layer's
/// float32 weights in row-major order, nothing after.
/// <para>
/// The description follows <see cref="StrictJson"/>: every key of <see cref="TargetInfo"/> (and of the architecture and
/// training options inside it) must be present, spelled exactly, and no other key may appear. <c>weightsSha256</c> (the
/// weights file's SHA-256) is required. Version 2, which <see cref="Save"/> writes, adds <c>descriptionSha256</c>: the
/// SHA-256 of the description itself (the compact JSON of every other entry, as this library serializes it), so that a
/// changed stride or seed cannot pass for the original. Version 1 files (without it, like the committed default target)
/// are still read with every other check. Loading checks the magic, the shapes against the JSON architecture, the exact
/// length, both checksums, finiteness and the max-norm bound, and says which check failed and in which file.
/// </para>
/// </summary>
public static class TargetFile
{
    /// <summary>The JSON's <c>format</c> entry.</summary>
    public const string FormatName = "lottery-tickets-target";

    /// <summary>The JSON's <c>version</c> entry that <see cref="Save"/> writes; versions 1 and 2 are read.</summary>
    public const int FormatVersion = 2;

    /// <summary>The JSON key of the description's own checksum (version 2).</summary>
    public const string DescriptionChecksumKey = "descriptionSha256";

    /// <summary>The first bytes of a weights file.</summary>
    public static ReadOnlySpan<byte> Magic => "LTCNNW01"u8;

    /// <summary>The default (3x3) target's JSON file, relative to the repository's top (<see cref="CommittedTargets"/> lists every committed target).</summary>
    public const string DefaultJsonPath = "data/target-fashion-mnist-3x3.json";

    /// <summary>The 2x2 target's JSON file, relative to the repository's top.</summary>
    public const string FashionMnist2x2JsonPath = "data/target-fashion-mnist.json";

    private const string What = "target description";

    /// <summary>
    /// Writes <paramref name="target"/> to <paramref name="jsonPath"/> and its weights to the file named by
    /// <paramref name="info"/>.WeightsFile (next to the JSON); the architecture, format, version and both checksums are
    /// filled in. Each file is written atomically (a reader sees the old file or the new one, never half of one).
    /// </summary>
    public static TargetInfo Save(TargetCnn target, TargetInfo info, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonPath);
        CheckWeightsFileName(info.WeightsFile, nameof(info));
        string folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        byte[] weights = EncodeWeights(target);
        var written = info with
        {
            Architecture = target.Architecture,
            WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(weights)),
            Format = FormatName,
            Version = FormatVersion,
        };
        var json = (JsonObject)JsonSerializer.SerializeToNode(written, StrictJson.Options)!;
        json[DescriptionChecksumKey] = StrictJson.Sha256OfCanonical(written);
        AtomicFile.WriteAllBytes(Path.Combine(folder, info.WeightsFile), weights);
        AtomicFile.WriteAllText(jsonPath, json.ToJsonString(StrictJson.Options) + "\n");
        return written;
    }

    /// <summary>Reads a target saved by <see cref="Save"/>.</summary>
    /// <param name="jsonPath">The JSON description.</param>
    /// <param name="expected">When given, the file's architecture must equal it.</param>
    /// <param name="enforceMaxNorm">Reject weights outside [-1, 1] (the theorem's assumption); turn off only to inspect foreign targets.</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, truncated, has a missing, unknown or misspelled key, fails a checksum,
    /// does not match the JSON or <paramref name="expected"/>, or breaks the max-norm bound; the message names the file and the defect.</exception>
    public static (TargetCnn Target, TargetInfo Info) Load(string jsonPath, TargetArchitecture? expected = null, bool enforceMaxNorm = true)
    {
        if (!File.Exists(jsonPath)) throw new FileNotFoundException($"Target description '{Path.GetFullPath(jsonPath)}' does not exist.", jsonPath);
        var root = StrictJson.ParseObject(File.ReadAllText(jsonPath), jsonPath, What);
        // Format and version first: a file of another kind or version gets that message, not a key error.
        if (root["format"] is not JsonValue format || !format.TryGetValue<string>(out var formatName) || formatName != FormatName)
            throw new InvalidDataException($"{jsonPath} is not a target description (its \"format\" must be \"{FormatName}\").");
        if (root["version"] is not JsonValue version || !version.TryGetValue<int>(out int versionNumber) || versionNumber is < 1 or > FormatVersion)
            throw new InvalidDataException($"{jsonPath} has format version {root["version"]?.ToJsonString() ?? "(none)"}; this library reads versions 1 to {FormatVersion}.");
        string? recordedDescription = null;
        if (versionNumber >= 2)
        {
            if (!root.TryGetPropertyValue(DescriptionChecksumKey, out var checksum) || !root.Remove(DescriptionChecksumKey))
                throw new InvalidDataException($"{jsonPath} is not a valid {What}: the key \"{DescriptionChecksumKey}\" (the description's SHA-256, required from version 2) is missing.");
            recordedDescription = checksum is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (!StrictJson.IsSha256(recordedDescription))
                throw new InvalidDataException($"{jsonPath} is not a valid {What}: \"{DescriptionChecksumKey}\" must be a SHA-256 in lower-case hex (64 digits); got {checksum?.ToJsonString() ?? "null"}.");
        }
        var info = StrictJson.Deserialize<TargetInfo>(root, jsonPath, What);
        if (!StrictJson.IsSha256(info.WeightsSha256))
            throw new InvalidDataException($"{jsonPath} is not a valid {What}: \"weightsSha256\" must be the SHA-256 of the weights file in lower-case hex (64 digits); got \"{info.WeightsSha256}\".");
        try
        {
            info.Architecture.Validate("architecture");
            CheckWeightsFileName(info.WeightsFile, "weightsFile");
        }
        catch (ArgumentException e) { throw new InvalidDataException($"{jsonPath}: invalid {What}: {e.Message}", e); }
        if (recordedDescription is not null)
        {
            string actual = StrictJson.Sha256OfCanonical(info);
            if (actual != recordedDescription)
                throw new InvalidDataException(
                    $"{jsonPath}: the description was changed after it was written: its SHA-256 is {actual}, but \"{DescriptionChecksumKey}\" records {recordedDescription} " +
                    "(edited by hand or corrupt; write descriptions with TargetFile.Save).");
        }
        if (expected is not null && !expected.SameAs(info.Architecture))
            throw new InvalidDataException($"{jsonPath} holds architecture {info.Architecture}, but {expected} was expected.");

        string weightsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!, info.WeightsFile);
        if (!File.Exists(weightsPath)) throw new FileNotFoundException($"Weights file '{weightsPath}' named by {jsonPath} does not exist.", weightsPath);
        byte[] bytes = File.ReadAllBytes(weightsPath);
        var kernels = DecodeWeights(bytes, info.Architecture, weightsPath);
        string actualWeights = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actualWeights != info.WeightsSha256)
            throw new InvalidDataException($"{weightsPath}: SHA-256 {actualWeights} differs from {info.WeightsSha256} recorded in {jsonPath} (file changed or corrupt).");
        var target = new TargetCnn(info.Architecture, kernels);
        if (enforceMaxNorm && target.MaxAbsWeight > TargetCnn.MaxNormBound + 1e-6)
            throw new InvalidDataException(
                $"{weightsPath}: largest |weight| is {target.MaxAbsWeight:G6}, above {TargetCnn.MaxNormBound}. The subset-sum covering behind the theorem is over [-1, 1]^d, so targets must lie in the max-norm unit ball (scale or clamp the weights, or pass enforceMaxNorm: false to inspect).");
        return (target, info);
    }

    // The weights live next to the description: a bare file name, never a path elsewhere.
    private static void CheckWeightsFileName(string? name, string paramName)
    {
        if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name) || name is "." or "..")
            throw new ArgumentException($"weightsFile must be a file name next to the description (no folders); got '{name}'.", paramName);
    }

    /// <summary>Loads the committed default target, the 3x3 one (<see cref="DefaultJsonPath"/> below the repository's top, found through environment.json); <see cref="CommittedTargets.Load"/> loads any committed target by name, the 2x2 one included.</summary>
    public static (TargetCnn Target, TargetInfo Info) LoadDefault(WorkbookEnvironment? environment = null)
    {
        return CommittedTargets.Default.Load(environment);
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
        int header = Magic.Length + 4;
        int compared = Math.Min(span.Length, Magic.Length);
        if (!span[..compared].SequenceEqual(Magic[..compared]) || span.Length == 0)
            throw new InvalidDataException($"{path}: not a target weights file (it must start with the bytes 'LTCNNW01').");
        if (span.Length < header)
            throw new InvalidDataException($"{path}: truncated: {span.Length} bytes, but the header alone (the bytes 'LTCNNW01' and the layer count) needs {header}.");
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
