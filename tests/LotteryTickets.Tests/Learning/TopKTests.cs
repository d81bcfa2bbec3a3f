using LotteryTickets.Learning;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Learning;

public sealed class TopKTests
{
    [Fact]
    public void TiesGoToTheLowerIndexAndExactlyKAreKept()
    {
        // Scores 0, 1, 1, 1, 2 with k = 3: the 2 and the first two 1s.
        Assert.Equal([false, true, true, false, true], TopK.Select([0f, 1f, 1f, 1f, 2f], [true, true, true, true, true], 3));
        // Ineligible units never count, however high their score.
        Assert.Equal([false, false, true, true, false], TopK.Select([0f, 9f, 1f, 1f, 0f], [true, false, true, true, true], 2));
    }

    [Fact]
    public void TheTensorRuleEqualsTheSortOnManyTies()
    {
        // Scores drawn from 5 values, so most units tie with others at the threshold; every k, several shapes.
        var rng = new Random(5);
        for (int trial = 0; trial < 150; trial++)
        {
            int rows = 1 + rng.Next(6), columns = 1 + rng.Next(12), count = rows * columns;
            float[] scores = Enumerable.Range(0, count).Select(_ => (float)rng.Next(5)).ToArray();
            int k = 1 + rng.Next(count);
            bool[] expected = TopK.Select(scores, Enumerable.Repeat(true, count).ToArray(), k);
            using var scope = NewDisposeScope();
            var mask = TopK.Mask(tensor(scores, [rows, columns]), k);
            Assert.Equal([rows, columns], mask.shape);
            bool[] actual = mask.reshape(-1).data<float>().ToArray().Select(v => v == 1).ToArray();
            Assert.Equal(expected, actual);
            Assert.Equal(k, actual.Count(b => b));
            // The same call again gives the same mask.
            Assert.Equal(actual, TopK.Mask(tensor(scores, [rows, columns]), k).reshape(-1).data<float>().ToArray().Select(v => v == 1).ToArray());
        }
    }

    [Fact]
    public void NonFiniteScoresStopTraining()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<InvalidOperationException>(() => TopK.Mask(tensor(new[] { 1f, float.NaN, 2f }), 1));
        Assert.Throws<InvalidOperationException>(() => TopK.Mask(tensor(new[] { 1f, float.PositiveInfinity, 2f }), 2));
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => TopK.Select([1f, 2f], [true, false], 2)).ParamName);
        Assert.Throws<ArgumentException>(() => TopK.Select([1f, float.NaN], [true, true], 1));
        Assert.Throws<ArgumentException>(() => TopK.Select([1f, 2f], [true], 1));
    }
}
