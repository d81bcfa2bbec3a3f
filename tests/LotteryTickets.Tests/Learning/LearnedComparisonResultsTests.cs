using LotteryTickets.Learning;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Learning.LearningFixtures;

namespace LotteryTickets.Tests.Learning;

public sealed class LearnedComparisonResultsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("learned-results-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static LearnedComparisonResults Small()
    {
        var target = TargetCnn.RandomUniform(TwoLayers, 3, 0.5);
        var random = RandomNetwork.Create(TwoLayers, 6, seed: 4);
        var data = Bands(64, 5);
        var learning = new EdgePopupOptions(Seed: 4, Epochs: 1, BatchSize: 32, LearningRate: 0.05);
        var comparison = LearnedComparison.Run(target, random, data, data, new ComparisonOptions(learning, null, [MaskGranularity.Kernel]));
        return new LearnedComparisonResults(LearnedComparisonResults.FormatName, LearnedComparisonResults.FormatVersion, "test", "a note", "2026-01-01T00:00:00Z",
            new ResultsTarget("data/none.json", "00", TwoLayers, 0.5, 1), [6], [4], learning, TicketOptions.Default.SliceTolerance, data.Count,
            new ResultsMachine("cpu", 2, "linux", ".NET", 1, 1, "1 1 1", "1 1 1", 3), comparison.Rows, []);
    }

    [Fact]
    public void RoundTripsThroughSaveAndLoad()
    {
        var results = Small();
        string path = Path.Combine(folder, "results.json");
        results.Save(path);
        var loaded = LearnedComparisonResults.Load(path);
        Assert.Equal(results.Rows, loaded.Rows);
        Assert.Equal(results.Learning, loaded.Learning);
        Assert.Equal(results.Machine, loaded.Machine);
        Assert.Equal(results.RowsOf("learned", "kernels"), loaded.RowsOf("learned", "kernels"));
        Assert.Contains("\"optimizer\": \"Adam\"", File.ReadAllText(path));
    }

    [Fact]
    public void MeanTestAccuracyIsTheMeanOverSeedsOrNaN()
    {
        var small = Small();
        var row = small.Rows.First(r => r.Label == "learned kernels");
        var results = small with { Rows = [row, row with { Seed = 5, TestAccuracy = row.TestAccuracy + 0.25 }, row with { HiddenPerInput = 7, TestAccuracy = 0 }] };
        Assert.Equal(row.TestAccuracy + 0.125, results.MeanTestAccuracy("learned kernels", 6), 12);
        Assert.Equal(0, results.MeanTestAccuracy("learned kernels", 7));
        Assert.True(double.IsNaN(results.MeanTestAccuracy("learned kernels", 8)));
        Assert.True(double.IsNaN(results.MeanTestAccuracy("random kernels", 6)));
    }

    [Fact]
    public void AnInconsistentFileIsRefusedWithWhatIsWrong()
    {
        var results = Small();
        string path = Path.Combine(folder, "bad.json");
        var badRow = results.Rows[1] with { Seed = 99 };
        Assert.Throws<InvalidDataException>(() => (results with { Rows = [.. results.Rows, badRow] }).Save(path));
        results.Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"method\": \"learned\"", "\"method\": \"guessed\""));
        var e = Assert.Throws<InvalidDataException>(() => LearnedComparisonResults.Load(path));
        Assert.Contains("guessed", e.Message);
        Assert.Throws<FileNotFoundException>(() => LearnedComparisonResults.Load(Path.Combine(folder, "missing.json")));
    }
}
