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
        Expect(json.Replace("\"version\": 1", "\"version\": 7"), "version 7");
        Expect(json.Replace("\"format\": \"lottery-tickets-mask\"", "\"format\": \"other\""), "not a ticket mask");
        Expect(json.Replace("\"hiddenPerInput\": [\n    9,", "\"hiddenPerInput\": [\n    8,"), "shape");
        Expect(json[..(json.Length / 2)], "not valid mask JSON");
        Assert.Throws<FileNotFoundException>(() => TicketMask.Load(Path.Combine(folder, "none.json")));
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
