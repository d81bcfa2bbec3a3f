using LotteryTickets.Networks;

namespace LotteryTickets.Tests.Networks;

public sealed class TargetFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("target-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static TargetInfo Info(TargetArchitecture arch) => new(arch, 1, null, "test", null, null, 1, 0, "t.weights", "");

    private string Save(TargetCnn target)
    {
        string json = Path.Combine(folder, "t.json");
        TargetFile.Save(target, Info(target.Architecture), json);
        return json;
    }

    [Fact]
    public void RoundTripKeepsEveryWeight()
    {
        var target = TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4);
        var (loaded, info) = TargetFile.Load(Save(target), ConvNetworkTests.Tiny);
        Assert.True(info.Architecture.SameAs(ConvNetworkTests.Tiny));
        Assert.Equal(64, info.WeightsSha256.Length);
        for (int l = 0; l < target.Kernels.Count; l++) Assert.Equal(target.Kernels[l], loaded.Kernels[l]);
    }

    [Fact]
    public void TruncatedOrExtendedWeightsAreRejected()
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        string weights = Path.Combine(folder, "t.weights");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..^10]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
        File.WriteAllBytes(weights, [.. bytes, 0, 0, 0, 0]);
        Assert.Contains("extra bytes", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
        File.WriteAllBytes(weights, bytes[..20]);
        Assert.Contains("shape table", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
        File.WriteAllBytes(weights, [.. "NOTWEIGHTS"u8]);
        Assert.Contains("LTCNNW01", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
        File.Delete(weights);
        Assert.Throws<FileNotFoundException>(() => TargetFile.Load(json));
    }

    [Fact]
    public void ChangedWeightsFailTheChecksum()
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        string weights = Path.Combine(folder, "t.weights");
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(weights, bytes);
        Assert.Contains("SHA-256", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
    }

    [Fact]
    public void WrongShapesAndArchitecturesAreRejected()
    {
        var target = TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4);
        string json = Save(target);
        var other = ConvNetworkTests.Tiny with { Layers = [new ConvLayerSpec(2, 3, 3, 2, 1), new ConvLayerSpec(3, 4, 3, 1, 0), new ConvLayerSpec(4, 3, 3, 1, 1)] };
        Assert.Contains("was expected", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json, other)).Message);
        // Weights written for one architecture, described as another with the same weight count per layer order.
        var bytes = TargetFile.EncodeWeights(target);
        var e = Assert.Throws<InvalidDataException>(() => TargetFile.DecodeWeights(bytes, other, "w"));
        Assert.Contains("layer 1 has shape (4, 3, 2, 2)", e.Message);
        Assert.Contains("holds 3 layers", Assert.Throws<InvalidDataException>(() =>
            TargetFile.DecodeWeights(bytes, ConvNetworkTests.Tiny with { Layers = ConvNetworkTests.Tiny.Layers.Take(2).ToList() }, "w")).Message);
    }

    [Fact]
    public void WeightsOutsideTheUnitBallAreRejectedUnlessAsked()
    {
        var target = TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4).Scaled([1.0, 1.5, 1.0]);
        string json = Save(target);
        Assert.Contains("max-norm unit ball", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
        Assert.True(TargetFile.Load(json, enforceMaxNorm: false).Target.MaxAbsWeight > 1);
    }

    [Fact]
    public void NotATargetDescription()
    {
        string json = Path.Combine(folder, "x.json");
        File.WriteAllText(json, "{\"format\": \"something else\"}");
        Assert.Contains("not a target description", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
        File.WriteAllText(json, "{ broken");
        Assert.Throws<InvalidDataException>(() => TargetFile.Load(json));
    }

    [Fact]
    public void WriterAndStrictReaderAgree()
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        string text = File.ReadAllText(json);
        Assert.Contains($"\"version\": {TargetFile.FormatVersion}", text);
        Assert.Matches("\"descriptionSha256\": \"[0-9a-f]{64}\"", text);
        Assert.Matches("\"weightsSha256\": \"[0-9a-f]{64}\"", text);
        var (_, info) = TargetFile.Load(json);
        Assert.Equal(1, info.Seed);
        // Saving what was loaded writes the same file.
        TargetFile.Save(TargetFile.Load(json).Target, info, json);
        Assert.Equal(text, File.ReadAllText(json));
    }

    [Theory]
    [InlineData("\"inputNonNegative\"", "\"inputNonNegativ\"", "inputNonNegativ")]      // misspelled: unknown key
    [InlineData("\"seed\"", "\"Seed\"", "Seed")]                                        // keys are case-sensitive
    [InlineData("\"stride\": 1,", "", "stride")]                                       // missing key, even one with a default
    [InlineData("\"trainAccuracy\": null,", "", "trainAccuracy")]                       // missing nullable key
    [InlineData("\"seed\": 1,", "\"seed\": 1, \"seed\": 1,", "seed")]                     // duplicate key
    [InlineData("\"seed\": 1,", "\"seed\": 1, \"extra\": 0,", "extra")]                   // unknown key
    [InlineData("\"trainingCommand\": \"test\"", "\"trainingCommand\": null", "trainingCommand")]  // null where a value is required
    public void UnknownMissingOrMisspelledKeysAreErrors(string find, string replace, string named)
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        string text = File.ReadAllText(json);
        Assert.Contains(find, text);
        File.WriteAllText(json, ReplaceFirst(text, find, replace));
        var e = Assert.Throws<InvalidDataException>(() => TargetFile.Load(json));
        Assert.Contains("t.json", e.Message);
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void AnEditedDescriptionFailsItsChecksum()
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        // A stride of 1 instead of 2 chains, validates and matches the weights' shapes: only the checksum sees it.
        string text = File.ReadAllText(json);
        File.WriteAllText(json, ReplaceFirst(text, "\"stride\": 2", "\"stride\": 1"));
        var e = Assert.Throws<InvalidDataException>(() => TargetFile.Load(json));
        Assert.Contains("descriptionSha256", e.Message);
        File.WriteAllText(json, ReplaceFirst(text, "\"inputNonNegative\": false", "\"inputNonNegative\": true"));
        Assert.Contains("descriptionSha256", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
        // Layout changes that keep every value load as the same target.
        File.WriteAllText(json, text.Replace("\n", "\n  ").Replace(": ", " :  "));
        Assert.Equal(1, TargetFile.Load(json).Info.TorchThreads);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    public void TheWeightsChecksumIsRequired(string? value)
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        // A version-1 description (no description checksum), so that only the weights checksum is at stake.
        node.Remove("descriptionSha256");
        node["version"] = 1;
        if (value is null) node.Remove("weightsSha256"); else node["weightsSha256"] = value;
        File.WriteAllText(json, node.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => TargetFile.Load(json));
        Assert.Contains("weightsSha256", e.Message);
    }

    [Fact]
    public void VersionOneDescriptionsStillLoadWithStrictKeys()
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        node.Remove("descriptionSha256");
        node["version"] = 1;
        File.WriteAllText(json, node.ToJsonString());
        Assert.Equal(1, TargetFile.Load(json).Info.Version);
        node["tesAccuracy"] = 0.5;
        File.WriteAllText(json, node.ToJsonString());
        Assert.Contains("tesAccuracy", Assert.Throws<InvalidDataException>(() => TargetFile.Load(json)).Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5)]
    [InlineData(12)]
    public void AWeightsFileCutShortSaysTruncated(int length)
    {
        string json = Save(TargetCnn.RandomUniform(ConvNetworkTests.Tiny, seed: 4));
        string weights = Path.Combine(folder, "t.weights");
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..length]);
        var e = Assert.Throws<InvalidDataException>(() => TargetFile.Load(json));
        Assert.Contains("truncated", e.Message);
        Assert.DoesNotContain("not a target weights file", e.Message);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    [Fact]
    public void CommittedDefaultTargetLoadsAndRespectsTheBound()
    {
        var (target, info) = TargetFile.LoadDefault();
        Assert.True(target.Architecture.SameAs(TargetArchitecture.FashionMnistDefault));
        Assert.True(target.MaxAbsWeight <= TargetCnn.MaxNormBound);
        Assert.NotNull(info.TestAccuracy);
        Assert.Contains("LotteryTickets.Train", info.TrainingCommand);
        Assert.True(new FileInfo(Path.Combine(Path.GetDirectoryName(Workbook.WorkbookEnvironment.Load().ResolvePath(TargetFile.DefaultJsonPath))!, info.WeightsFile)).Length < 1_000_000);
    }

    [FashionMnistFact]
    public void CommittedDefaultTargetHasItsRecordedTestAccuracy()
    {
        var (target, info) = TargetFile.LoadDefault();
        var data = FashionMnist.Load();
        double accuracy = NetworkEvaluation.Accuracy(target.ToNetwork(), data.Test);
        Assert.Equal(info.TestAccuracy!.Value, accuracy, 3);
        Assert.True(accuracy > 0.8, $"test accuracy {accuracy}");
    }
}
