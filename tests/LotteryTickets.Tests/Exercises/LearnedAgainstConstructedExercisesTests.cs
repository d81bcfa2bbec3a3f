using LotteryTickets.Exercises;
using LotteryTickets.Learning;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Learning.LearningFixtures;

namespace LotteryTickets.Tests.Exercises;

public sealed class LearnedAgainstConstructedExercisesTests
{
    [Fact]
    public void TheSolutionsAreRightAndTheCommonSlipsAreExplained()
    {
        var target = TargetCnn.RandomUniform(TwoLayers, 3, 0.5);
        var random = RandomNetwork.Create(TwoLayers, 6, seed: 4);
        var data = Bands(128, 5);
        var comparison = LearnedComparison.Run(target, random, data, data,
            ComparisonOptions.Default with { Learning = new EdgePopupOptions(Seed: 3, Epochs: 1, BatchSize: 32, LearningRate: 0.05) });
        double share = comparison.Row("learned", "kernels").Density;
        double gain = 100 * (comparison.Row("learned", "kernels").TestAccuracy - comparison.Row("random", "kernels").TestAccuracy);
        double ratio = (double)comparison.Row("learned", "channels").CompactWeights / comparison.Row("constructed", "kernels").CompactWeights;
        int changed = comparison.Learned.First(m => m.Granularity == MaskGranularity.Kernel).ChangedUnits()[^1];

        var right = LearnedAgainstConstructedExercises.Grade(share, gain, ratio, changed, comparison);
        Assert.All(right.Grades, g => Assert.Equal(GradeStatus.Right, g.Status));
        Assert.All(LearnedAgainstConstructedExercises.Grade(null, null, null, null, comparison).Grades, g => Assert.Equal(GradeStatus.NotAnswered, g.Status));

        var slips = LearnedAgainstConstructedExercises.Grade(share * 2, gain / 100 + (gain == 0 ? 0.3 : 0), ratio * 1.5, changed + 1, comparison);
        Assert.All(slips.Grades, g => Assert.Equal(GradeStatus.Wrong, g.Status));
        if (gain != 0) Assert.Contains("percentage points", slips.Grades[1].Feedback);
    }
}
