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

    [Fact]
    public void CosineScheduleFallsFromTheLearningRateToZero()
    {
        var cosine = new TrainingOptions(LearningRate: 0.02, Schedule: LearningRateSchedule.Cosine);
        Assert.Equal(0.02, cosine.LearningRateAt(0, 100), 12);
        Assert.Equal(0.01, cosine.LearningRateAt(50, 100), 12);
        Assert.True(cosine.LearningRateAt(99, 100) < 1e-4);
        Assert.Equal(0.02, new TrainingOptions(LearningRate: 0.02).LearningRateAt(99, 100));
    }

    [Fact]
    public void AugmentationShiftsAndMirrorsWholeImagesWithZerosAtTheBorder()
    {
        var images = SyntheticImages.Create(16, 4, 10);
        int[] indices = Enumerable.Range(0, 16).ToArray();
        var options = new TrainingOptions(MaxShift: 2, HorizontalFlip: true);
        using var a = TargetTrainer.AugmentedImages(images, indices, options, new Random(1));
        using var b = TargetTrainer.AugmentedImages(images, indices, options, new Random(1));
        float[] augmented = a.data<float>().ToArray();
        Assert.Equal(augmented, b.data<float>().ToArray());
        int moved = 0;
        for (int k = 0; k < 16; k++)
        {
            // Some shift in [-2, 2]^2, with or without mirroring, must explain the image exactly.
            bool explained = false;
            for (int flip = 0; flip < 2 && !explained; flip++)
                for (int dy = -2; dy <= 2 && !explained; dy++)
                    for (int dx = -2; dx <= 2 && !explained; dx++)
                    {
                        bool all = true;
                        for (int r = 0; r < 10 && all; r++)
                            for (int c = 0; c < 10 && all; c++)
                            {
                                int sr = r - dy, sc = (flip == 1 ? 9 - c : c) - dx;
                                float expected = sr is >= 0 and < 10 && sc is >= 0 and < 10 ? images.Pixels[k * 100 + sr * 10 + sc] / 255f : 0f;
                                all = augmented[k * 100 + r * 10 + c] == expected;
                            }
                        if (all) { explained = true; if (dx != 0 || dy != 0 || flip == 1) moved++; }
                    }
            Assert.True(explained, $"image {k} is not a shifted or mirrored copy");
        }
        Assert.True(moved >= 12, $"only {moved} of 16 images were moved");
    }

    [Fact]
    public void AugmentedTrainingIsReproducibleAndDiffersFromPlainTraining()
    {
        set_num_threads(1);
        var data = Synthetic(192, 5);
        var plain = new TrainingOptions(Seed: 3, Epochs: 1, BatchSize: 32, LearningRate: 0.05);
        var augmented = plain with { MaxShift = 2, HorizontalFlip = true, Schedule = LearningRateSchedule.Cosine };
        var a = TargetTrainer.Train(Small, data, augmented).Target;
        var b = TargetTrainer.Train(Small, data, augmented).Target;
        var c = TargetTrainer.Train(Small, data, plain).Target;
        Assert.Equal(a.Kernels[1], b.Kernels[1]);
        Assert.NotEqual(a.Kernels[1], c.Kernels[1]);
        Assert.Equal("MaxShift", Assert.Throws<ArgumentOutOfRangeException>(() => TargetTrainer.Train(Small, data, plain with { MaxShift = 9 })).ParamName);
    }
}
