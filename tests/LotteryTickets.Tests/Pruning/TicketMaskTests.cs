using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Pruning.PruningFixtures;

namespace LotteryTickets.Tests.Pruning;

public sealed class TicketMaskTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mask-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SaveAndLoadRoundTrip()
    {
        var ticket = KernelTicket.Build(Target(Signed), RandomNetwork.Create(Signed, 9, seed: 3));
        string path = Path.Combine(folder, "mask.json");
        ticket.Mask.Save(path, note: "test");
        var loaded = TicketMask.Load(path);
        Assert.Equal(TicketVariant.Kernel, loaded.Variant);
        Assert.True(loaded.Architecture.SameAs(Signed));
        Assert.Equal([9, 9], loaded.HiddenPerInput);
        for (int l = 0; l < 2; l++)
        {
            Assert.Equal(ticket.Mask.Layers[l].U, loaded.Layers[l].U);
            Assert.Equal(ticket.Mask.Layers[l].V, loaded.Layers[l].V);
        }
        // The loaded mask rebuilds its random network and gives the same statistics.
        var random = loaded.CreateRandomNetwork();
        Assert.Equal(ticket.Random.Pairs[1].V, random.Pairs[1].V);
        Assert.Equal(ticket.Statistics().Total, loaded.Statistics().Total);
    }

    [Fact]
    public void PackingIsLeastSignificantBitFirst()
    {
        Assert.Equal(Convert.ToBase64String([0b0000_0101, 0b0000_0001]), TicketMask.Pack([true, false, true, false, false, false, false, false, true]));
    }

    [Fact]
    public void CorruptFilesAreRejected()
    {
        var ticket = KernelTicket.Build(Target(Signed), RandomNetwork.Create(Signed, 9, seed: 3));
        string path = Path.Combine(folder, "mask.json");
        ticket.Mask.Save(path);
        string json = File.ReadAllText(path);

        void Expect(string text, string message)
        {
            File.WriteAllText(path, text);
            Assert.Contains(message, Assert.Throws<InvalidDataException>(() => TicketMask.Load(path)).Message);
        }
        int kept = ticket.Mask.Layers[0].U.Count(b => b);
        Expect(json.Replace($"\"kept\": {kept},", $"\"kept\": {kept + 1},"), "corrupt");
        Expect(json.Replace("\"variant\": \"kernel\"", "\"variant\": \"magic\""), "unknown variant");
        Expect(json.Replace($"\"version\": {TicketMask.FormatVersion}", "\"version\": 7"), "version 7");
        Expect(json.Replace("\"format\": \"lottery-tickets-mask\"", "\"format\": \"other\""), "not a ticket mask");
        Expect(json.Replace("\"hiddenPerInput\": [\n    9,", "\"hiddenPerInput\": [\n    8,"), "shape");
        Expect(json[..(json.Length / 2)], "not valid JSON");
        Assert.Throws<FileNotFoundException>(() => TicketMask.Load(Path.Combine(folder, "none.json")));
    }

    private string SavedKernelMask(out TicketMask mask)
    {
        mask = StructuredMask(RandomNetwork.Create(Signed, 5, seed: 3), TicketVariant.Kernel, seed: 1);
        string path = Path.Combine(folder, "mask.json");
        mask.Save(path, note: "test");
        return path;
    }

    [Fact]
    public void SavedMasksCarryAChecksumAndTheCurrentVersion()
    {
        string text = File.ReadAllText(SavedKernelMask(out _));
        Assert.Contains($"\"version\": {TicketMask.FormatVersion}", text);
        Assert.Equal(2, TicketMask.FormatVersion);
        Assert.Matches("\"sha256\": \"[0-9a-f]{64}\"", text);
    }

    [Theory]
    [InlineData("\"randomSeed\": 3,", "", "randomSeed")]
    [InlineData("\"randomSeed\"", "\"randomseed\"", "randomseed")]
    [InlineData("\"randomSeed\"", "\"randomSeeds\"", "randomSeeds")]
    [InlineData("\"note\": \"test\",", "", "note")]
    [InlineData("\"kept\"", "\"kep\"", "kep")]
    public void MissingOrMisspelledKeysAreErrors(string find, string replace, string named)
    {
        string path = SavedKernelMask(out _);
        string text = File.ReadAllText(path);
        Assert.Contains(find, text);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);
        var e = Assert.Throws<InvalidDataException>(() => TicketMask.Load(path));
        Assert.Contains("mask.json", e.Message);
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void TwoSwappedBitsWithTheSameCountFailTheChecksum()
    {
        // An unstructured mask, and two entries of one partly kept kernel: the count and the structure stay valid.
        var mask = StructuredMask(RandomNetwork.Create(Signed, 5, seed: 3), TicketVariant.Unstructured, seed: 1);
        string path = Path.Combine(folder, "mask.json");
        mask.Save(path);
        var v = mask.Layers[1].V;
        int area = mask.Layers[1].KernelSize * mask.Layers[1].KernelSize;
        int kernel = Enumerable.Range(0, v.Length / area).First(k => v.Skip(k * area).Take(area).Distinct().Count() == 2);
        int on = Array.IndexOf(v, true, kernel * area), off = Array.IndexOf(v, false, kernel * area);
        var swapped = (bool[])v.Clone();
        (swapped[on], swapped[off]) = (swapped[off], swapped[on]);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace($"\"{TicketMask.Pack(v)}\"", $"\"{TicketMask.Pack(swapped)}\""));
        Assert.NotEqual(text, File.ReadAllText(path));
        var e = Assert.Throws<InvalidDataException>(() => TicketMask.Load(path));
        Assert.Contains("sha256", e.Message);
    }

    [Theory]
    [InlineData(TicketVariant.Kernel, TicketVariant.Filter, "filter")]
    [InlineData(TicketVariant.Unstructured, TicketVariant.Kernel, "kernel")]
    [InlineData(TicketVariant.Unstructured, TicketVariant.Filter, "filter")]
    public void AMaskRelabelledToAnotherVariantIsCheckedAgainstItsStructure(TicketVariant built, TicketVariant label, string named)
    {
        var random = RandomNetwork.Create(Signed, 5, seed: 3);
        var mask = StructuredMask(random, built, seed: 2);
        var relabelled = new TicketMask(label, mask.Architecture, mask.HiddenPerInput, mask.RandomSeed, mask.Layers);
        string path = Path.Combine(folder, "relabelled.json");
        relabelled.Save(path);
        var e = Assert.Throws<InvalidDataException>(() => TicketMask.Load(path));
        Assert.Contains(named + " variant", e.Message);
        Assert.Contains("relabelled.json", e.Message);
        // Every variant's own structure loads.
        mask.Save(path);
        Assert.Equal(built, TicketMask.Load(path).Variant);
    }

    [Fact]
    public void AUMaskOutsideItsBlockIsRejected()
    {
        var random = RandomNetwork.Create(Signed, 5, seed: 3);
        var mask = StructuredMask(random, TicketVariant.Unstructured, seed: 2);
        var layer = mask.Layers[0];
        var u = (bool[])layer.U.Clone();
        int kept = Enumerable.Range(0, layer.Hidden).First(i => u[i * layer.InChannels + random.Pairs[0].BlockOf(i)]);
        u[kept * layer.InChannels + (random.Pairs[0].BlockOf(kept) + 1) % layer.InChannels] = true;
        var bad = new TicketMask(TicketVariant.Unstructured, mask.Architecture, mask.HiddenPerInput, mask.RandomSeed,
            [new LayerMask(layer.Hidden, layer.InChannels, layer.OutChannels, layer.KernelSize, u, layer.V), mask.Layers[1]]);
        string path = Path.Combine(folder, "block.json");
        bad.Save(path);
        Assert.Contains("channel-blocked", Assert.Throws<InvalidDataException>(() => TicketMask.Load(path)).Message);
    }

    [Theory]
    [InlineData("[null]", "layers[0]")]
    [InlineData("[null, null]", "layers[0]")]
    public void NullLayersAreRejectedNamingThem(string layers, string named)
    {
        string path = SavedKernelMask(out _);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node["layers"] = System.Text.Json.Nodes.JsonNode.Parse(layers);
        node["version"] = 1;
        node.Remove("sha256");
        File.WriteAllText(path, node.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => TicketMask.Load(path));
        Assert.Contains(named, e.Message);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4097)]
    [InlineData(1_000_000_000)]
    [InlineData(int.MaxValue)]
    public void OutOfRangeHiddenPerInputIsRejectedWithoutOverflow(int n)
    {
        string path = SavedKernelMask(out _);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node["hiddenPerInput"]![0] = n;
        node["version"] = 1;
        node.Remove("sha256");
        File.WriteAllText(path, node.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => TicketMask.Load(path));
        Assert.Contains("hiddenPerInput[0]", e.Message);
        Assert.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message.Replace(",", ""));
    }

    [Fact]
    public void VersionOneMasksAreStillReadWithEveryOtherCheck()
    {
        string path = SavedKernelMask(out var mask);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node["version"] = 1;
        node.Remove("sha256");
        File.WriteAllText(path, node.ToJsonString());
        var loaded = TicketMask.Load(path);
        Assert.Equal(mask.Layers[1].V, loaded.Layers[1].V);
        node["randomSeeds"] = 1;
        File.WriteAllText(path, node.ToJsonString());
        Assert.Contains("randomSeeds", Assert.Throws<InvalidDataException>(() => TicketMask.Load(path)).Message);
    }

    /// <summary>A random mask with the structure of <paramref name="variant"/> (docs/mask-format.md), built without the construction.</summary>
    internal static TicketMask StructuredMask(RandomNetwork random, TicketVariant variant, int seed)
    {
        var rng = new Random(seed);
        var layers = random.Pairs.Select(pair =>
        {
            var s = pair.Target;
            int area = s.KernelArea;
            var u = new bool[pair.Hidden * s.InChannels];
            var v = new bool[s.OutChannels * pair.Hidden * area];
            for (int i = 0; i < pair.Hidden; i++)
            {
                if (rng.Next(3) == 0) continue;
                u[i * s.InChannels + pair.BlockOf(i)] = true;
                int first = rng.Next(s.OutChannels);
                for (int j = 0; j < s.OutChannels; j++)
                {
                    int offset = (j * pair.Hidden + i) * area;
                    switch (variant)
                    {
                        case TicketVariant.Filter: Array.Fill(v, true, offset, area); break;
                        case TicketVariant.Kernel: if (j == first || rng.Next(2) == 0) Array.Fill(v, true, offset, area); break;
                        default:
                            for (int k = 0; k < area; k++) v[offset + k] = rng.Next(2) == 0;
                            if (j == first) v[offset + rng.Next(area)] = true;
                            break;
                    }
                }
                // Unstructured masks keep single entries: make sure some kernel is only partly kept.
                if (variant == TicketVariant.Unstructured) v[(first * pair.Hidden + i) * area] = !v[(first * pair.Hidden + i) * area + 1];
            }
            return new LayerMask(pair.Hidden, s.InChannels, s.OutChannels, s.KernelSize, u, v);
        }).ToList();
        return new TicketMask(variant, random.Target, random.HiddenPerInput, random.Seed, layers);
    }

    [Fact]
    public void MaskAndRandomNetworkMustMatch()
    {
        var ticket = KernelTicket.Build(Target(Signed), RandomNetwork.Create(Signed, 9, seed: 3));
        Assert.Contains("seed 3", Assert.Throws<ArgumentException>(() => ticket.Mask.Apply(RandomNetwork.Create(Signed, 9, seed: 4))).Message);
        Assert.Contains("n = [9, 9]", Assert.Throws<ArgumentException>(() => Compaction.Compact(RandomNetwork.Create(Signed, 8, seed: 3), ticket.Mask)).Message);
        Assert.Throws<ArgumentException>(() => new TicketMask(TicketVariant.Kernel, Signed, [9, 9], 3, [ticket.Mask.Layers[1], ticket.Mask.Layers[0]]));
    }
}
