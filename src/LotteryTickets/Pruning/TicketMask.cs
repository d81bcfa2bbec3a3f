using System.Text.Json;
using System.Text.Json.Nodes;
using LotteryTickets.Networks;
using LotteryTickets.Workbook;

namespace LotteryTickets.Pruning;

/// <summary>
/// A ticket as data: one <see cref="LayerMask"/> per random pair, plus what is needed to rebuild the random
/// network it applies to (target architecture, <c>n</c> per layer, seed). Applying the mask to that network
/// (<see cref="Apply(RandomNetwork)"/>) gives the masked ticket: the random network with pruned weights set
/// to zero, same shapes. Saved as JSON (format in docs/mask-format.md): bits packed row-major, eight per byte,
/// least significant bit first, base64-encoded.
/// </summary>
public sealed class TicketMask
{
    /// <summary>The JSON's <c>format</c> entry.</summary>
    public const string FormatName = "lottery-tickets-mask";

    /// <summary>The JSON's <c>version</c> entry that <see cref="Save"/> writes; versions 1 (no checksum) and 2 are read.</summary>
    public const int FormatVersion = 2;

    /// <summary>Creates a mask and checks every layer's shape against the architecture and <c>n</c>.</summary>
    public TicketMask(TicketVariant variant, TargetArchitecture architecture, IReadOnlyList<int> hiddenPerInput, int randomSeed, IReadOnlyList<LayerMask> layers)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(hiddenPerInput);
        ArgumentNullException.ThrowIfNull(layers);
        architecture.Validate(nameof(architecture));
        if (hiddenPerInput.Count != architecture.Layers.Count || layers.Count != architecture.Layers.Count)
            throw new ArgumentException($"need one n and one layer mask per target layer ({architecture.Layers.Count}); got {hiddenPerInput.Count} and {layers.Count}.", nameof(layers));
        for (int l = 0; l < layers.Count; l++)
        {
            var s = architecture.Layers[l];
            var m = layers[l];
            if (m.Hidden != s.InChannels * hiddenPerInput[l] || m.InChannels != s.InChannels || m.OutChannels != s.OutChannels || m.KernelSize != s.KernelSize)
                throw new ArgumentException(
                    $"layer mask {l} has shape m {m.Hidden}, c_in {m.InChannels}, c_out {m.OutChannels}, d {m.KernelSize}; the random pair of {s} with n = {hiddenPerInput[l]} needs m {s.InChannels * hiddenPerInput[l]}, c_in {s.InChannels}, c_out {s.OutChannels}, d {s.KernelSize}.",
                    nameof(layers));
        }
        (Variant, Architecture, HiddenPerInput, RandomSeed, Layers) = (variant, architecture, hiddenPerInput.ToArray(), randomSeed, layers);
    }

    /// <summary>Which construction produced the mask.</summary>
    public TicketVariant Variant { get; }

    /// <summary>The target architecture.</summary>
    public TargetArchitecture Architecture { get; }

    /// <summary>Hidden channels per input channel of the random network, per layer.</summary>
    public IReadOnlyList<int> HiddenPerInput { get; }

    /// <summary>Seed of the random network.</summary>
    public int RandomSeed { get; }

    /// <summary>One mask per random pair.</summary>
    public IReadOnlyList<LayerMask> Layers { get; }

    /// <summary>Rebuilds the random network this mask applies to.</summary>
    public RandomNetwork CreateRandomNetwork() => RandomNetwork.Create(Architecture, HiddenPerInput, RandomSeed);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="random"/> has this mask's architecture, n and seed.</summary>
    public void CheckCompatible(RandomNetwork random)
    {
        ArgumentNullException.ThrowIfNull(random);
        random.CheckCompatible(Architecture);
        if (!random.HiddenPerInput.SequenceEqual(HiddenPerInput) || random.Seed != RandomSeed)
            throw new ArgumentException(
                $"the mask was made for the random network with n = [{string.Join(", ", HiddenPerInput)}] and seed {RandomSeed}; got n = [{string.Join(", ", random.HiddenPerInput)}] and seed {random.Seed}.",
                nameof(random));
    }

    /// <summary>The masked ticket: <paramref name="random"/> with every pruned weight set to zero (same shapes, no speed-up).</summary>
    public ConvNetwork Apply(RandomNetwork random)
    {
        CheckCompatible(random);
        return Apply(random, this, $"{Variant.ToString().ToLowerInvariant()} ticket (masked)");
    }

    internal static ConvNetwork Apply(RandomNetwork random, TicketMask? mask, string name)
    {
        var ops = new List<NetworkOp>();
        for (int l = 0; l < random.Pairs.Count; l++)
        {
            var pair = random.Pairs[l];
            var s = pair.Target;
            var layerMask = mask?.Layers[l];
            float[] u = layerMask is null ? pair.U : Masked(pair.U, layerMask.U);
            float[] v = layerMask is null ? pair.V : Masked(pair.V, layerMask.V);
            ops.Add(new ConvOp(s.InChannels, pair.Hidden, 1, 1, 0, 1, u, relu: true));
            ops.Add(new ConvOp(pair.Hidden, s.OutChannels, s.KernelSize, s.Stride, s.Padding, 1, v, relu: !pair.IsLast));
        }
        return new ConvNetwork(name, random.Target.InputChannels, random.Target.ImageSize, ops, random.Target.InputNonNegative);
    }

    private static float[] Masked(float[] weights, bool[] keep)
    {
        var result = new float[weights.Length];
        for (int k = 0; k < weights.Length; k++) if (keep[k]) result[k] = weights[k];
        return result;
    }

    /// <summary>Per-layer and total counts: kept weights, kept filters and kernels, density, over-parameterization.</summary>
    public TicketStatistics Statistics() => TicketStatistics.Of(this);

    /// <summary>
    /// Writes the mask as JSON (see docs/mask-format.md), atomically, with a SHA-256 of its content; <paramref name="note"/>
    /// is stored as free text.
    /// </summary>
    public void Save(string path, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new MaskFile(FormatName, FormatVersion, VariantName(Variant), Architecture, HiddenPerInput.ToArray(), RandomSeed, note,
            Layers.Select(m => new MaskLayerFile(
                new MaskTensorFile([m.Hidden, m.InChannels, 1, 1], m.U.Count(b => b), Pack(m.U)),
                new MaskTensorFile([m.OutChannels, m.Hidden, m.KernelSize, m.KernelSize], m.V.LongCount(b => b), Pack(m.V)))).ToArray());
        var json = (JsonObject)JsonSerializer.SerializeToNode(file, StrictJson.Options)!;
        json[ChecksumKey] = StrictJson.Sha256OfCanonical(file);
        AtomicFile.WriteAllText(path, json.ToJsonString(StrictJson.Options) + "\n");
    }

    /// <summary>
    /// Reads a mask written by <see cref="Save"/>: every key present and spelled exactly (no others), shapes, bit counts,
    /// padding, the structure the variant implies (docs/mask-format.md) and, from version 2, the checksum. Version 1 files
    /// (no checksum) are still read with every other check.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a mask or is inconsistent; the message names the file and says what.</exception>
    public static TicketMask Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Mask file '{Path.GetFullPath(path)}' does not exist.", path);
        var root = StrictJson.ParseObject(File.ReadAllText(path), path, What);
        if (root["format"] is not JsonValue format || !format.TryGetValue<string>(out var formatName) || formatName != FormatName)
            throw new InvalidDataException($"{path} is not a ticket mask (its \"format\" must be \"{FormatName}\").");
        if (root["version"] is not JsonValue version || !version.TryGetValue<int>(out int versionNumber) || versionNumber is < 1 or > FormatVersion)
            throw new InvalidDataException($"{path} has mask format version {root["version"]?.ToJsonString() ?? "(none)"}; this library reads versions 1 to {FormatVersion}.");
        string? recorded = null;
        if (versionNumber >= 2)
        {
            if (!root.TryGetPropertyValue(ChecksumKey, out var checksum) || !root.Remove(ChecksumKey))
                throw new InvalidDataException($"{path} is not a valid {What}: the key \"{ChecksumKey}\" (the mask's SHA-256, required from version 2) is missing.");
            recorded = checksum is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (!StrictJson.IsSha256(recorded))
                throw new InvalidDataException($"{path} is not a valid {What}: \"{ChecksumKey}\" must be a SHA-256 in lower-case hex (64 digits); got {checksum?.ToJsonString() ?? "null"}.");
        }
        var file = StrictJson.Deserialize<MaskFile>(root, path, What);
        var variant = Enum.GetValues<TicketVariant>().Where(v => VariantName(v) == file.Variant).Cast<TicketVariant?>().FirstOrDefault()
            ?? throw new InvalidDataException($"{path}: unknown variant '{file.Variant}' (kernel, filter or unstructured).");
        int nullLayer = Array.IndexOf(file.Layers, null);
        if (nullLayer >= 0) throw new InvalidDataException($"{path}: layers[{nullLayer}] is null; each layer needs its u and v masks.");
        try
        {
            file.Architecture.Validate("architecture");
            if (file.Layers.Length != file.Architecture.Layers.Count || file.HiddenPerInput.Length != file.Architecture.Layers.Count)
                throw new InvalidDataException($"{path}: {file.Layers.Length} layer masks and {file.HiddenPerInput.Length} n values for {file.Architecture.Layers.Count} layers.");
            CheckHiddenPerInput(file.Architecture, file.HiddenPerInput, path);
            var layers = new List<LayerMask>();
            for (int l = 0; l < file.Layers.Length; l++)
            {
                var s = file.Architecture.Layers[l];
                int m = s.InChannels * file.HiddenPerInput[l];
                var u = Unpack(file.Layers[l].U, [m, s.InChannels, 1, 1], $"{path}: layer {l} U");
                var v = Unpack(file.Layers[l].V, [s.OutChannels, m, s.KernelSize, s.KernelSize], $"{path}: layer {l} V");
                var layer = new LayerMask(m, s.InChannels, s.OutChannels, s.KernelSize, u, v);
                CheckStructure(variant, layer, file.HiddenPerInput[l], $"{path}: layer {l}");
                layers.Add(layer);
            }
            if (recorded is not null && StrictJson.Sha256OfCanonical(file) is var actual && actual != recorded)
                throw new InvalidDataException(
                    $"{path}: the mask was changed after it was written: its SHA-256 is {actual}, but \"{ChecksumKey}\" records {recorded} (edited or corrupt; write masks with TicketMask.Save).");
            return new TicketMask(variant, file.Architecture, file.HiddenPerInput, file.RandomSeed, layers);
        }
        catch (ArgumentException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    private const string What = "ticket mask";

    /// <summary>The JSON key of the mask's checksum (version 2).</summary>
    public const string ChecksumKey = "sha256";

    private static string VariantName(TicketVariant variant) => variant.ToString().ToLowerInvariant();

    // n must be one RandomNetwork.Create accepts, checked before any size is computed from it (no overflow, no huge allocation).
    private static void CheckHiddenPerInput(TargetArchitecture architecture, int[] hiddenPerInput, string path)
    {
        long total = 0;
        for (int l = 0; l < hiddenPerInput.Length; l++)
        {
            int n = hiddenPerInput[l];
            if (n < RandomNetwork.MinHiddenPerInput || n > ConvLayerSpec.MaxChannels)
                throw new InvalidDataException($"{path}: hiddenPerInput[{l}] must be between {RandomNetwork.MinHiddenPerInput} and {ConvLayerSpec.MaxChannels:N0}; got {n:N0}.");
            var s = architecture.Layers[l];
            long m = (long)s.InChannels * n;
            total += m * s.InChannels + s.OutChannels * m * s.KernelArea;
        }
        if (total > RandomNetwork.MaxWeights)
            throw new InvalidDataException($"{path}: hiddenPerInput [{string.Join(", ", hiddenPerInput)}] makes a random network of {total:N0} weights, above RandomNetwork.MaxWeights = {RandomNetwork.MaxWeights:N0}.");
    }

    /// <summary>
    /// The structure every construction gives its masks (docs/mask-format.md): U is channel-blocked (hidden channel i keeps at
    /// most its own block's entry U[i, i / n]), a channel keeps its U entry exactly when it keeps some weight of V; the kernel
    /// variant keeps whole d x d kernels, the filter variant a channel's kernels for every output or for none.
    /// </summary>
    private static void CheckStructure(TicketVariant variant, LayerMask mask, int n, string where)
    {
        int area = mask.KernelSize * mask.KernelSize;
        for (int i = 0; i < mask.Hidden; i++)
        {
            int block = i / n;
            bool uKept = false;
            for (int t = 0; t < mask.InChannels; t++)
            {
                if (!mask.U[i * mask.InChannels + t]) continue;
                if (t != block)
                    throw new InvalidDataException($"{where}: U keeps entry ({i}, {t}), but the mask is channel-blocked: hidden channel {i} may keep only U[{i}, {block}] (its block, i / n with n = {n}).");
                uKept = true;
            }
            int keptKernels = 0;
            bool vKept = false;
            for (int j = 0; j < mask.OutChannels; j++)
            {
                int offset = (j * mask.Hidden + i) * area, kept = 0;
                for (int k = 0; k < area; k++) if (mask.V[offset + k]) kept++;
                if (kept > 0) { vKept = true; keptKernels++; }
                if (variant != TicketVariant.Unstructured && kept is > 0 && kept < area)
                    throw new InvalidDataException($"{where}: the {VariantName(variant)} variant keeps whole kernels, but kernel V[{j}, {i}] keeps {kept} of its {area} entries (an unstructured mask?).");
            }
            if (variant == TicketVariant.Filter && keptKernels is > 0 && keptKernels < mask.OutChannels)
                throw new InvalidDataException($"{where}: the filter variant keeps a hidden channel's kernels for every output channel or for none, but channel {i} keeps them for {keptKernels} of {mask.OutChannels} (a kernel-variant mask?).");
            if (uKept != vKept)
                throw new InvalidDataException(uKept
                    ? $"{where}: hidden channel {i} keeps its U entry but no weight of V (every construction prunes such a channel entirely)."
                    : $"{where}: hidden channel {i} keeps weights of V but not its U entry (every construction keeps U[{i}, {block}] for a used channel).");
        }
    }

    /// <summary>Packs booleans row-major into bytes, eight per byte, least significant bit first, then base64.</summary>
    internal static string Pack(bool[] bits)
    {
        var bytes = new byte[(bits.Length + 7) / 8];
        for (int k = 0; k < bits.Length; k++) if (bits[k]) bytes[k >> 3] |= (byte)(1 << (k & 7));
        return Convert.ToBase64String(bytes);
    }

    private static bool[] Unpack(MaskTensorFile? tensor, int[] shape, string what)
    {
        if (tensor is null || tensor.Shape is null || tensor.Bits is null)
            throw new InvalidDataException($"{what}: missing shape or bits.");
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException($"{what}: shape ({string.Join(", ", tensor.Shape)}) differs from the random pair's ({string.Join(", ", shape)}).");
        long count = shape.Aggregate(1L, (a, b) => a * b);
        byte[] bytes;
        try { bytes = Convert.FromBase64String(tensor.Bits); }
        catch (FormatException e) { throw new InvalidDataException($"{what}: bits are not valid base64.", e); }
        if (bytes.Length != (count + 7) / 8)
            throw new InvalidDataException($"{what}: {bytes.Length} bytes of bits; {count} entries need {(count + 7) / 8} (truncated or wrong shape).");
        var bits = new bool[count];
        long kept = 0;
        for (long k = 0; k < count; k++) if (bits[k] = (bytes[k >> 3] >> (int)(k & 7) & 1) == 1) kept++;
        if (count % 8 != 0 && bytes[^1] >> (int)(count % 8) != 0)
            throw new InvalidDataException($"{what}: padding bits after the last entry must be zero.");
        if (kept != tensor.Kept)
            throw new InvalidDataException($"{what}: {kept} bits set, but the file says kept = {tensor.Kept} (corrupt).");
        return bits;
    }

    private sealed record MaskFile(string Format, int Version, string Variant, TargetArchitecture Architecture, int[] HiddenPerInput, int RandomSeed, string? Note, MaskLayerFile[] Layers);

    private sealed record MaskLayerFile(MaskTensorFile U, MaskTensorFile V);

    private sealed record MaskTensorFile(int[] Shape, long Kept, string Bits);
}
