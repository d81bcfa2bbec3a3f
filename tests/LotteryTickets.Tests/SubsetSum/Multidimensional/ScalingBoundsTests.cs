using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

public class ScalingBoundsTests
{
    [Fact]
    public void Counting_bound_is_d_times_the_one_dimensional_bound()
    {
        foreach (double eps in new[] { 0.5, 0.1, 0.01 })
        {
            Assert.Equal(CoverageRadius.CountingLowerBound(eps), ScalingBounds.CountingLowerBound(1, eps), 12);
            Assert.Equal(9 * Math.Log2(1 / eps), ScalingBounds.CountingLowerBound(9, eps), 12);
        }
    }

    [Fact]
    public void Counting_bound_holds_for_measured_coverage_radii()
    {
        // 2^n sums cannot cover [-1,1]^d with radius below 2^(-n/d) in the max-norm.
        for (int seed = 0; seed < 5; seed++)
        {
            var (vectors, _) = VectorBruteForce.Instance(seed, 8, 2);
            var bounds = GridCoverage.Bounds(vectors, 0.01);
            Assert.True(bounds.Upper >= Math.Pow(2, -8.0 / 2) - 1e-12);
        }
    }

    [Fact]
    public void Upper_bound_shape_is_the_stated_expression()
    {
        Assert.Equal(27 * Math.Log(10) * (Math.Log(10) + Math.Log(3)), ScalingBounds.UpperBoundShape(3, 0.1), 9);
        Assert.Equal(Math.Log(4) * Math.Log(4), ScalingBounds.UpperBoundShape(1, 0.25), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingBounds.UpperBoundShape(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingBounds.CountingLowerBound(2, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingBounds.CountingLowerBound(2, 0));
    }
}
