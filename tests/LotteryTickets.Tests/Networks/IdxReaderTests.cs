using System.IO.Compression;
using LotteryTickets.Networks;

namespace LotteryTickets.Tests.Networks;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("idx-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RoundTripsImagesAndLabels(bool gzip)
    {
        var rng = new Random(5);
        var pixels = new byte[3 * 28 * 28];
        rng.NextBytes(pixels);
        byte[] labels = [0, 9, 4];
        IdxReader.Write(PathOf("images"), [3, 28, 28], pixels, gzip);
        IdxReader.Write(PathOf("labels"), [3], labels, gzip);

        var images = IdxReader.Read(PathOf("images"));
        Assert.Equal([3, 28, 28], images.Dimensions);
        Assert.Equal(pixels, images.Data);

        var set = FashionMnist.ReadSet(PathOf("images"), PathOf("labels"));
        Assert.Equal(3, set.Count);
        Assert.Equal(labels, set.Labels);
        using var batch = set.Images([1]);
        Assert.Equal(pixels[28 * 28 + 5] / 255f, batch[0, 0, 0, 5].item<float>());
    }

    [Fact]
    public void TruncatedFileIsReportedWithItsPath()
    {
        IdxReader.Write(PathOf("full.gz"), [10, 28, 28], new byte[10 * 28 * 28]);
        var bytes = File.ReadAllBytes(PathOf("full.gz"));
        File.WriteAllBytes(PathOf("cut.gz"), bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(PathOf("cut.gz")));
        Assert.Contains("cut.gz", e.Message);

        // An uncompressed file cut inside its data.
        IdxReader.Write(PathOf("plain"), [4, 28, 28], new byte[4 * 28 * 28], gzip: false);
        File.WriteAllBytes(PathOf("plain-cut"), File.ReadAllBytes(PathOf("plain"))[..100]);
        e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(PathOf("plain-cut")));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void CorruptHeadersAreRejected()
    {
        File.WriteAllBytes(PathOf("magic"), [1, 2, 8, 1, 0, 0, 0, 1, 7]);
        Assert.Contains("not an IDX file", Assert.Throws<InvalidDataException>(() => IdxReader.Read(PathOf("magic"))).Message);
        File.WriteAllBytes(PathOf("type"), [0, 0, 0x0D, 1, 0, 0, 0, 1, 7, 7, 7, 7]);
        Assert.Contains("element type", Assert.Throws<InvalidDataException>(() => IdxReader.Read(PathOf("type"))).Message);
        File.WriteAllBytes(PathOf("extra"), [0, 0, 8, 1, 0, 0, 0, 1, 7, 7]);
        Assert.Contains("after", Assert.Throws<InvalidDataException>(() => IdxReader.Read(PathOf("extra"))).Message);
        File.WriteAllBytes(PathOf("huge"), [0, 0, 8, 2, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF]);
        Assert.Contains("MaxDataBytes", Assert.Throws<InvalidDataException>(() => IdxReader.Read(PathOf("huge"))).Message);
        // Not gzip although it starts with the gzip magic bytes.
        File.WriteAllBytes(PathOf("fakegz"), [0x1f, 0x8b, 1, 2, 3, 4, 5]);
        Assert.Throws<InvalidDataException>(() => IdxReader.Read(PathOf("fakegz")));
    }

    [Fact]
    public void ImagesAndLabelsMustAgree()
    {
        IdxReader.Write(PathOf("images"), [2, 28, 28], new byte[2 * 28 * 28]);
        IdxReader.Write(PathOf("labels"), [3], [1, 2, 3]);
        Assert.Contains("3 labels", Assert.Throws<InvalidDataException>(() => FashionMnist.ReadSet(PathOf("images"), PathOf("labels"))).Message);
        IdxReader.Write(PathOf("labels2"), [2], [1, 12]);
        Assert.Contains("label 12", Assert.Throws<InvalidDataException>(() => FashionMnist.ReadSet(PathOf("images"), PathOf("labels2"))).Message);
        IdxReader.Write(PathOf("small"), [2, 8, 8], new byte[2 * 64]);
        Assert.Contains("28, 28", Assert.Throws<InvalidDataException>(() => FashionMnist.ReadSet(PathOf("small"), PathOf("labels"))).Message);
    }

    [Fact]
    public void MissingDatasetSaysWhereItLookedAndHowToGetIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load([folder, PathOf("nowhere")]));
        Assert.Contains(folder, e.Message);
        Assert.Contains("nowhere", e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void LoadsAFolderOfSmallFiles()
    {
        foreach (var (name, dims) in new[] { ("train-images-idx3-ubyte.gz", new[] { 5, 28, 28 }), ("t10k-images-idx3-ubyte.gz", new[] { 2, 28, 28 }) })
            IdxReader.Write(PathOf(name), dims, new byte[dims[0] * 28 * 28]);
        IdxReader.Write(PathOf("train-labels-idx1-ubyte.gz"), [5], [0, 1, 2, 3, 4]);
        // Uncompressed files are accepted too.
        IdxReader.Write(PathOf("t10k-labels-idx1-ubyte"), [2], [5, 6], gzip: false);
        var data = FashionMnist.Load([PathOf("nowhere"), folder]);
        Assert.Equal(5, data.Train.Count);
        Assert.Equal(2, data.Test.Count);
        Assert.Equal(Path.GetFullPath(folder), data.Folder);
    }
}
