using CsCheck;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum;

public class MeetInTheMiddleTests
{
    private static void AssertConsistent(double[] values, double target, SubsetChoice choice)
    {
        Assert.Equal(choice.Indices.Order().Distinct(), choice.Indices);
        Assert.All(choice.Indices, i => Assert.InRange(i, 0, values.Length - 1));
        double sum = 0;
        foreach (int i in choice.Indices) sum += values[i];
        Assert.Equal(sum, choice.Sum);
        Assert.Equal(Math.Abs(target - sum), choice.Error);
    }

    [Fact]
    public void Best_error_equals_brute_force() =>
        Gen.Select(SubsetSumsTests.SmallSamples, Gen.Double[-4.0, 4.0]).Sample((values, target) =>
        {
            SubsetChoice choice = MeetInTheMiddle.BestSubset(values, target);
            AssertConsistent(values, target, choice);
            Assert.Equal(BruteForce.BestError(values, target), choice.Error, 12);
        }, iter: 300);

    [Fact]
    public void Targets_beyond_the_reachable_range_pick_an_extreme_subset()
    {
        double[] values = [0.25, -0.5, 0.75];
        SubsetChoice high = MeetInTheMiddle.BestSubset(values, 10);
        Assert.Equal(new[] { 0, 2 }, high.Indices);
        Assert.Equal(9.0, high.Error, 15);
        SubsetChoice low = MeetInTheMiddle.BestSubset(values, -10);
        Assert.Equal(new[] { 1 }, low.Indices);
        Assert.Equal(9.5, low.Error, 15);
    }

    [Fact]
    public void One_value_chooses_it_or_nothing()
    {
        Assert.Equal(new[] { 0 }, MeetInTheMiddle.BestSubset([0.5], 0.4).Indices);
        Assert.Empty(MeetInTheMiddle.BestSubset([0.5], 0.2).Indices);
    }

    [Fact]
    public void Matches_brute_force_at_n_18()
    {
        var rng = new Random(7);
        double[] values = [.. Enumerable.Range(0, 18).Select(_ => 2 * rng.NextDouble() - 1)];
        foreach (double target in new[] { -0.9, -0.123, 0.0, 0.3333, 0.97 })
            Assert.Equal(BruteForce.BestError(values, target), MeetInTheMiddle.BestSubset(values, target).Error, 12);
    }

    [Fact]
    public void Finds_a_planted_subset_at_n_44()
    {
        var rng = new Random(11);
        double[] values = [.. Enumerable.Range(0, 44).Select(_ => 2 * rng.NextDouble() - 1)];
        int[] planted = [.. Enumerable.Range(0, 44).Where(_ => rng.Next(2) == 1)];
        double target = planted.Sum(i => values[i]);
        SubsetChoice choice = MeetInTheMiddle.BestSubset(values, target);
        AssertConsistent(values, target, choice);
        Assert.True(choice.Error <= 1e-12, $"error {choice.Error}");
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_their_name()
    {
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => MeetInTheMiddle.BestSubset([], 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => MeetInTheMiddle.BestSubset([0.1, double.NaN], 0)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => MeetInTheMiddle.BestSubset([0.1], double.NaN)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => MeetInTheMiddle.BestSubset([0.1], double.NegativeInfinity)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MeetInTheMiddle.BestSubset(new double[44], 0, maxBytes: 10_000_000));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("100,663,296 bytes", e.Message);
        Assert.Contains("10,000,000 bytes", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetInTheMiddle.BestSubset(new double[70], 0));
    }
}
