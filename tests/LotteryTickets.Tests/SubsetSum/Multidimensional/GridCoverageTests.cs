using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

public class GridCoverageTests
{
    [Fact]
    public void In_one_dimension_the_bounds_bracket_the_exact_coverage_radius()
    {
        var rng = new Random(1);
        for (int trial = 0; trial < 40; trial++)
        {
            double[] values = ScalarSampler.Sample(ValueDistribution.Normal, rng.Next(1, 13), rng);
            double exact = CoverageRadius.Of(values);
            double[][] vectors = [.. values.Select(v => new[] { v })];
            var bounds = GridCoverage.Bounds(vectors, resolution: 1e-3);
            Assert.True(bounds.Resolved);
            Assert.InRange(exact, bounds.Lower - 1e-12, bounds.Upper + 1e-12);
            Assert.True(bounds.Upper - bounds.Lower <= 1e-3 + 1e-12);
            Assert.True(GridCoverage.Check(vectors, exact * 1.01).Covered);
            var miss = GridCoverage.Check(vectors, exact * 0.99);
            Assert.Equal(CoverageOutcome.NotCovered, miss.Outcome);
            // The witness really is farther than eps from every subset sum.
            Assert.True(VectorBruteForce.BestError(vectors, miss.UncoveredTarget!) > exact * 0.99);
        }
    }

    [Theory]
    [InlineData(VectorNorm.Max)]
    [InlineData(VectorNorm.Euclidean)]
    public void In_two_dimensions_the_bounds_agree_with_a_brute_force_grid(VectorNorm norm)
    {
        for (int seed = 0; seed < 4; seed++)
        {
            var (vectors, _) = VectorBruteForce.Instance(seed, 9, 2);
            var bounds = GridCoverage.Bounds(vectors, 0.01, norm);
            // A fine brute-force grid (spacing 2/40) gives a lower bound; adding its covering radius gives an upper bound.
            double grid = VectorBruteForce.GridMaximum(vectors, 41, norm);
            double reach = norm == VectorNorm.Max ? 1.0 / 40 : Math.Sqrt(2) / 40;
            Assert.True(bounds.Upper >= grid - 1e-12, $"upper {bounds.Upper} below grid maximum {grid}");
            Assert.True(bounds.Lower <= grid + reach + 1e-12, $"lower {bounds.Lower} above grid maximum {grid} + {reach}");
            Assert.Equal(bounds.Lower, VectorBruteForce.BestError(vectors, bounds.WorstTarget, norm), 12);
            Assert.True(GridCoverage.Check(vectors, bounds.Upper * 1.001, norm).Covered);
            Assert.Equal(CoverageOutcome.NotCovered, GridCoverage.Check(vectors, bounds.Lower * 0.999, norm).Outcome);
        }
    }

    [Fact]
    public void Fixed_size_coverage_is_never_better_than_free_size()
    {
        var (vectors, _) = VectorBruteForce.Instance(3, 10, 2);
        var free = GridCoverage.Bounds(vectors, 0.01);
        var fixedSize = GridCoverage.Bounds(vectors, 0.01, fixedSize: 5);
        Assert.True(fixedSize.Upper >= free.Lower - 1e-12);
        Assert.Equal(5, fixedSize.NearestSubset.Length);
        Assert.Equal(fixedSize.Lower, VectorBruteForce.BestError(vectors, fixedSize.WorstTarget, VectorNorm.Max, 5), 12);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_message()
    {
        double[][] ok = [[0.5, 0.1], [-0.3, 0.7]];
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Check(ok, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Check(ok, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Bounds(ok, -1));
        Assert.Throws<ArgumentException>(() => GridCoverage.Check([], 0.1));
        Assert.Throws<ArgumentException>(() => GridCoverage.Check([[0.5, 0.1], [0.2]], 0.1));
        Assert.Throws<ArgumentException>(() => GridCoverage.Check([[0.5, double.NaN]], 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Check(ok, 0.1, fixedSize: 3));
        var big = VectorSampler.Gaussian(6).Sample(10, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Check(big, 0.01));
        Assert.Contains("pointLimit", e.Message);
        Assert.Contains("200^6", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Bounds(ok, 0.001, pointLimit: 100));
    }
}
