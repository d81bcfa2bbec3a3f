using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

/// <summary>
/// From n = 40 on, the exact search takes some vectors out of its two halves and queries one index once per subset of them
/// (VectorSubsetSum.ExactSplit, SearchShifted). Checked against trying every subset on small instances with the same kind of
/// split, with and without a fixed size, and the limits that guard it.
/// </summary>
public class ExactSplitTests
{
    public static TheoryData<int, int, int, int, VectorNorm> Splits => new()
    {
        { 6, 6, 2, 3, VectorNorm.Max },
        { 5, 6, 4, 9, VectorNorm.Max },
        { 4, 4, 8, 5, VectorNorm.Max },
        { 6, 6, 3, 4, VectorNorm.Euclidean },
        { 5, 5, 5, 9, VectorNorm.Euclidean },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Vectors_taken_out_of_the_halves_still_give_the_brute_force_optimum(int a, int b, int outer, int d, VectorNorm norm)
    {
        int n = a + b + outer;
        for (int seed = 0; seed < 4; seed++)
        {
            var (vectors, target) = VectorBruteForce.Instance(1300 + 10 * seed + d, n, d, scale: 0.4);
            int? size = seed == 3 ? n / 3 : null;
            var options = new VectorSubsetSumOptions { Norm = norm, Method = VectorSubsetSumMethod.Exact, FixedSize = size };
            var choice = VectorSubsetSum.SolveExact(vectors, target, options, (a, b, outer));
            Assert.True(choice.ProvenOptimal);
            Assert.Equal(VectorSubsetSumMethod.Exact, choice.Method);
            Assert.Equal(VectorBruteForce.BestError(vectors, target, norm, size), choice.Error, 12);
            if (size is int k) Assert.Equal(k, choice.Size);
            // The same optimum as the plain split of all vectors into two halves, and the same subset with a two-thread build.
            var plain = VectorSubsetSum.SolveExact(vectors, target, options, (n / 2, n - n / 2, 0));
            Assert.Equal(plain.Error, choice.Error, 12);
            var serial = VectorSubsetSum.SolveExact(vectors, target, options with { ParallelBuild = false }, (a, b, outer));
            Assert.Equal(choice.Indices, serial.Indices);
        }
    }

    [Fact]
    public void A_node_limit_leaves_the_answer_unproven()
    {
        var (vectors, target) = VectorBruteForce.Instance(1500, 16, 9, scale: 0.4);
        var limited = VectorSubsetSum.SolveExact(vectors, target, new() { Method = VectorSubsetSumMethod.Exact, NodeLimit = 3 }, (6, 6, 4));
        Assert.False(limited.ProvenOptimal);
        Assert.True(limited.Error >= VectorBruteForce.BestError(vectors, target) - 1e-12);
    }

    [Fact]
    public void Up_to_48_vectors_fit_in_the_memory_limit_with_halves_of_20_at_most()
    {
        Assert.Equal((16, 16, 0), VectorSubsetSum.ExactSplit(32, 9));
        Assert.Equal((19, 20, 0), VectorSubsetSum.ExactSplit(39, 9));
        Assert.Equal((19, 19, 2), VectorSubsetSum.ExactSplit(40, 9));
        Assert.Equal((20, 20, 4), VectorSubsetSum.ExactSplit(44, 9));
        Assert.Equal((19, 19, 8), VectorSubsetSum.ExactSplit(46, 9));
        Assert.Equal((20, 20, 8), VectorSubsetSum.ExactSplit(48, 9));
        for (int n = 1; n <= VectorSubsetSum.ExactMaxItems; n++)
        {
            var (a, b, outer) = VectorSubsetSum.ExactSplit(n, 9);
            Assert.Equal(n, a + b + outer);
            Assert.InRange(outer, 0, VectorSubsetSum.ExactMaxOuterItems);
            Assert.True(VectorSubsetSum.ExactBytes(n, 9) <= 0.5 * VectorSubsetSum.ExactMaxBytes, $"n = {n}");
        }
        // Auto's exact range keeps plain halves, so what it returns does not change.
        Assert.Equal(0, VectorSubsetSum.ExactSplit(VectorSubsetSum.AutoExactMaxItems, 16).Outer);
    }

    [Fact]
    public void Exact_refuses_too_many_vectors_and_too_much_memory_by_name()
    {
        var many = VectorSampler.Gaussian(9).Sample(VectorSubsetSum.ExactMaxItems + 1, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(many, new double[9], new() { Method = VectorSubsetSumMethod.Exact }));
        Assert.Contains("ExactMaxItems = 48", e.Message);
        Assert.Equal("vectors", e.ParamName);
        var wide = VectorSampler.Gaussian(4000).Sample(48, 1);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => VectorSubsetSum.Solve(wide, new double[4000], new() { Method = VectorSubsetSumMethod.Exact }));
        Assert.Contains("ExactMaxBytes", e.Message);
    }

    [Fact]
    public void Ties_between_shifts_give_the_same_subset_whether_the_halves_are_built_on_one_thread_or_two()
    {
        // Outer vectors that repeat inner ones give many subsets of equal error in different shifts.
        var (vectors, target) = VectorBruteForce.Instance(1600, 14, 3, scale: 0.4);
        for (int k = 0; k < 4; k++) vectors[10 + k] = (double[])vectors[2 * k].Clone();
        var options = new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact };
        var serial = VectorSubsetSum.SolveExact(vectors, target, options with { ParallelBuild = false }, (5, 5, 4));
        Assert.Equal(VectorBruteForce.BestError(vectors, target), serial.Error, 12);
        for (int run = 0; run < 5; run++)
            Assert.Equal(serial.Indices, VectorSubsetSum.SolveExact(vectors, target, options, (5, 5, 4)).Indices);
    }
}
