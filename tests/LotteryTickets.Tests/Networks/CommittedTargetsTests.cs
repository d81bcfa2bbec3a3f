using System.Text.Json;
using LotteryTickets.Networks;
using LotteryTickets.Workbook;

namespace LotteryTickets.Tests.Networks;

public sealed class CommittedTargetsTests
{
    public static TheoryData<string> Names => new(CommittedTargets.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void EachCommittedTargetLoadsWithTheRecipeThatReproducesIt(string name)
    {
        var committed = CommittedTargets.Get(name);
        var (target, info) = committed.Load();
        Assert.True(target.Architecture.SameAs(committed.Architecture));
        Assert.True(target.MaxAbsWeight <= TargetCnn.MaxNormBound);
        // The recipe in the catalogue is the one recorded in the file, and the recorded command selects this target.
        Assert.Equal(committed.Training, info.Training);
        Assert.Equal(committed.Training.Seed, info.Seed);
        Assert.Equal(committed.TorchThreads, info.TorchThreads);
        Assert.StartsWith("dotnet run -c Release --project src/LotteryTickets.Train -- target --target " + committed.Name, info.TrainingCommand);
        Assert.NotNull(info.TestAccuracy);
        Assert.Equal(Path.GetFileNameWithoutExtension(committed.JsonPath) + ".weights", info.WeightsFile);
    }

    [Fact]
    public void TheDefaultIsTheThreeByThreeTargetWithinTheSliceBudget()
    {
        var target = CommittedTargets.Default;
        Assert.Same(CommittedTargets.FashionMnist3x3, target);
        Assert.All(target.Architecture.Layers, l => Assert.Equal(3, l.KernelSize));
        Assert.InRange(target.Architecture.SliceCount, 1, 700);
        Assert.True(target.Architecture.InputNonNegative);
        Assert.Equal(10, target.Architecture.Classes);
        Assert.Equal(CommittedTargets.Names, CommittedTargets.All.Select(t => t.Name));
        Assert.Equal(CommittedTargets.Names.Count, CommittedTargets.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void NamesAreLookedUpCaseInsensitivelyAndUnknownNamesListTheChoices()
    {
        Assert.Same(CommittedTargets.FashionMnist2x2, CommittedTargets.Get("Fashion-MNIST-2x2"));
        Assert.True(CommittedTargets.Contains("fashion-mnist-3x3"));
        Assert.False(CommittedTargets.Contains("mnist"));
        var e = Assert.Throws<ArgumentException>(() => CommittedTargets.Get("mnist"));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("fashion-mnist-3x3, fashion-mnist-2x2", e.Message);
    }

    [Fact]
    public void EveryTrainingOptionIsWrittenToTheJson()
    {
        // TargetFile reads strictly: a committed JSON must carry every TrainingOptions entry by name.
        foreach (var committed in CommittedTargets.All)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(WorkbookEnvironment.Load().ResolvePath(committed.JsonPath)));
            var training = json.RootElement.GetProperty("training");
            foreach (var property in typeof(TrainingOptions).GetProperties().Where(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false).Length == 0))
                Assert.True(training.TryGetProperty(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out _), $"{committed.JsonPath} lacks training.{property.Name}");
        }
    }

    [FashionMnistFact]
    public void EachCommittedTargetHasItsRecordedTestAccuracy()
    {
        var test = FashionMnist.Load().Test;
        foreach (var committed in CommittedTargets.All)
        {
            var (target, info) = committed.Load();
            double accuracy = NetworkEvaluation.Accuracy(target.ToNetwork(), test);
            // Evaluation is deterministic; the tolerance allows near-ties to round differently with other thread counts.
            Assert.True(Math.Abs(info.TestAccuracy!.Value - accuracy) <= 0.0005, $"{committed.Name}: recorded {info.TestAccuracy:P2}, measured {accuracy:P2}");
        }
    }
}
