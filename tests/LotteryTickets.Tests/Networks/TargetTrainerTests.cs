using LotteryTickets.Networks;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Networks;

[Collection(TorchThreadsAloneCollection.Name)]
public sealed class TargetTrainerTests
{
    private static readonly TargetArchitecture Small = new(1, 28, [new ConvLayerSpec(1, 4, 3, 2, 1), new ConvLayerSpec(4, 10, 3, 2, 1)], true);

    private static ImageSet Synthetic(int count, int seed) => SyntheticImages.Create(count, seed);

    [Fact]
    public void SameSeedGivesTheSameTargetAndWeightsStayBounded()
    {
        set_num_threads(1);
        var data = Synthetic(256, 1);
        var options = new TrainingOptions(Seed: 9, Epochs: 1, BatchSize: 32, LearningRate: 0.05, MaxAbsWeight: 0.5);
        var reports = new List<TrainingProgress>();
        var a = TargetTrainer.Train(Small, data, options, new Workbook.SyncProgress<TrainingProgress>(reports.Add, TimeSpan.Zero));
        var b = TargetTrainer.Train(Small, data, options);
        Assert.Equal(a.Target.Kernels[0], b.Target.Kernels[0]);
        Assert.Equal(a.Target.Kernels[1], b.Target.Kernels[1]);
        Assert.True(a.Target.MaxAbsWeight <= 0.5 + 1e-7);
        Assert.Equal(8, reports.Count);
        Assert.Equal(8, reports[^1].Step);
        var c = TargetTrainer.Train(Small, data, options with { Seed = 10 });
        Assert.NotEqual(a.Target.Kernels[0], c.Target.Kernels[0]);
    }

    [Fact]
    public void TrainingLowersTheLoss()
    {
        set_num_threads(1);
        var data = Synthetic(512, 2);
        var result = TargetTrainer.Train(Small, data, new TrainingOptions(Seed: 1, Epochs: 3, BatchSize: 32, LearningRate: 0.02));
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0], string.Join(", ", result.EpochLosses));
        Assert.True(result.TrainAccuracy > 0.3, $"train accuracy {result.TrainAccuracy}");
    }

    [Fact]
    public void BadOptionsAndMismatchedDataAreRejected()
    {
        var data = Synthetic(8, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetTrainer.Train(Small, data, new TrainingOptions(Epochs: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetTrainer.Train(Small, data, new TrainingOptions(MaxAbsWeight: 2)));
        var wrongClasses = Small with { Layers = [new ConvLayerSpec(1, 4, 3, 2, 1), new ConvLayerSpec(4, 7, 3, 2, 1)] };
        Assert.Contains("7 outputs", Assert.Throws<ArgumentException>(() => TargetTrainer.Train(wrongClasses, data)).Message);
        var wrongSize = Small with { ImageSize = 32 };
        Assert.Contains("1x28x28", Assert.Throws<ArgumentException>(() => TargetTrainer.Train(wrongSize, data)).Message);
    }
}
