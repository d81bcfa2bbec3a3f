using CsCheck;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum;

public class CoverageRadiusTests
{
    private static readonly Gen<double[]> Samples = Gen.OneOf(
        Gen.Double[-1.0, 1.0].Array[1, 10],
        Gen.Double[0.0, 1.0].Array[1, 10],                                   // all positive: -1 is far
        Gen.Int[-4, 4].Select(k => k * 0.25).Array[1, 10]);                 // duplicates, sums on the ends

    // Intervals inside, straddling and fully outside the reachable range [sum of negatives, sum of positives].
    private static readonly Gen<(double, double)> Intervals = Gen.OneOf(
        Gen.Const((-1.0, 1.0)),
        Gen.Double[-12.0, 12.0].Select(Gen.Double[0.001, 6.0], (a, w) => (a, a + w)));

    [Fact]
    public void Radius_equals_brute_force_on_the_default_interval() =>
        Samples.Sample(values =>
            Assert.Equal(BruteForce.Radius(values, -1, 1), CoverageRadius.Of(values), 12), iter: 200);

    [Fact]
    public void Radius_equals_brute_force_on_any_interval() =>
        Gen.Select(Samples, Intervals).Sample((values, interval) =>
        {
            var (a, b) = interval;
            Assert.Equal(BruteForce.Radius(values, a, b), CoverageRadius.Of(values, a, b), 12);
        }, iter: 200);

    // Samples large enough for Of to list n - 1 values and scan the last one in, including shapes that stress that scan:
    // a last value far larger than the others (most shifted sums beyond the list), duplicates and exact ties, zeros.
    private static readonly Gen<double[]> LargerSamples = Gen.OneOf(
        Gen.Double[-1.0, 1.0].Array[CoverageRadius.LastValueMinN, 15],
        Gen.Double[0.0, 2.0].Array[CoverageRadius.LastValueMinN, 15],
        Gen.Int[-4, 4].Select(k => k * 0.25).Array[CoverageRadius.LastValueMinN, 15],
        Gen.Double[-1.0, 1.0].Array[CoverageRadius.LastValueMinN - 1, 14].Select(Gen.Double[-40.0, 40.0], (v, last) => (double[])[.. v, last]),
        Gen.Double[-1e-3, 1e-3].Array[CoverageRadius.LastValueMinN, 12].Select(Gen.Double[-1.0, 1.0], (v, last) => (double[])[.. v, last]),
        Gen.Double[-1.0, 1.0].Select(Gen.Int[CoverageRadius.LastValueMinN, 12], (x, m) => Enumerable.Repeat(x, m).ToArray()),
        Gen.Const(new double[CoverageRadius.LastValueMinN]));

    [Fact]
    public void Radius_equals_the_scan_of_the_full_sorted_list_bit_for_bit() =>
        Gen.Select(LargerSamples, Intervals).Sample((values, interval) =>
        {
            var (a, b) = interval;
            double full = CoverageRadius.OfSortedSums(BruteForce.SortedSums(values), a, b);
            Assert.Equal(BitConverter.DoubleToInt64Bits(full), BitConverter.DoubleToInt64Bits(CoverageRadius.Of(values, a, b)));
        }, iter: 400);

    [Fact]
    public void Radius_is_bracketed_by_a_fine_grid() =>
        Gen.Double[-1.0, 1.0].Array[1, 8].Sample(values =>
        {
            const int points = 4001;
            double grid = BruteForce.GridRadius(values, -1, 1, points);
            double exact = CoverageRadius.Of(values);
            Assert.InRange(exact, grid - 1e-12, grid + 1.0 / (points - 1) + 1e-12);
        }, iter: 40);

    [Fact]
    public void Report_agrees_with_the_radius_and_its_worst_target_attains_it() =>
        Gen.Select(Samples, Intervals).Sample((values, interval) =>
        {
            var (a, b) = interval;
            CoverageReport report = CoverageRadius.Analyze(values, a, b);
            double[] sums = BruteForce.SortedSums(values);
            Assert.Equal(CoverageRadius.Of(values, a, b), report.Radius);
            Assert.InRange(report.WorstTarget, a, b);
            Assert.Equal(report.Radius, BruteForce.Distance(sums, report.WorstTarget), 12);
            Assert.Equal(BruteForce.Distance(sums, a), report.LowerEndDistance, 12);
            Assert.Equal(BruteForce.Distance(sums, b), report.UpperEndDistance, 12);
            Assert.Equal(sums.Count(s => s >= a && s <= b), report.SumsInInterval);
            Assert.Equal(values.Length, report.N);
        }, iter: 150);

    [Fact]
    public void One_value_covers_minus_one_only_from_zero()
    {
        // Sums {0, 0.5}: -1 is 1 away from 0, 1 is 0.5 away from 0.5, the gap's half is 0.25.
        Assert.Equal(1.0, CoverageRadius.Of([0.5]));
        Assert.Equal(0.75, CoverageRadius.Of([0.5], 0.0, 1.25));
        // Sums {-2, 0}: both ends are 1 away and the gap [-2, 0] peaks at -1 with height 1.
        Assert.Equal(1.0, CoverageRadius.Of([-2.0]));
    }

    [Fact]
    public void All_positive_values_leave_minus_one_at_distance_one() =>
        Assert.Equal(1.0, CoverageRadius.Of([0.3, 0.4, 0.9, 0.1]));

    [Fact]
    public void Interval_beyond_the_largest_sum_is_measured_from_it()
    {
        // Sums {0, 0.1, 0.2, 0.3 (approx.)}: every target in [5, 6] is nearest to the largest sum.
        Assert.Equal(6.0 - (0.1 + 0.2), CoverageRadius.Of([0.1, 0.2], 5, 6), 15);
        Assert.Equal(6.0, CoverageRadius.Of([0.1, 0.2], -6, -5), 15);
    }

    [Fact]
    public void Sorted_sum_overload_matches()
    {
        double[] values = [0.3, -0.7, 0.25, 0.9];
        Assert.Equal(CoverageRadius.Of(values, -0.5, 0.8), CoverageRadius.OfSortedSums(SubsetSums.Sorted(values), -0.5, 0.8));
        Assert.Equal(2.0, CoverageRadius.OfSortedSums([-1.0, 3.0], -1, 1)); // midpoint 1 of the gap: half-gap 2
    }

    [Fact]
    public void Counting_lower_bound_is_log2_of_length_over_two_eps()
    {
        Assert.Equal(Math.Log2(1000), CoverageRadius.CountingLowerBound(1e-3), 12);
        Assert.Equal(Math.Log2(0.5 / 0.02), CoverageRadius.CountingLowerBound(0.01, 0, 0.5), 12);
    }

    [Theory]
    [InlineData(1.0, -1.0)]
    [InlineData(0.5, 0.5)]
    public void Reversed_or_empty_interval_is_rejected(double lower, double upper)
    {
        var e = Assert.Throws<ArgumentException>(() => CoverageRadius.Of([0.5, 0.25], lower, upper));
        Assert.Equal("upper", e.ParamName);
        Assert.Contains("greater than lower", e.Message);
    }

    [Fact]
    public void Non_finite_interval_is_rejected()
    {
        Assert.Equal("lower", Assert.Throws<ArgumentException>(() => CoverageRadius.Of([0.5], double.NaN, 1)).ParamName);
        Assert.Equal("upper", Assert.Throws<ArgumentException>(() => CoverageRadius.Of([0.5], 0, double.PositiveInfinity)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    public void Non_positive_eps_is_rejected(double eps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CoverageRadius.CountingLowerBound(eps));
        Assert.Equal("eps", e.ParamName);
    }

    [Fact]
    public void Bad_sorted_sums_are_rejected()
    {
        Assert.Equal("sortedSums", Assert.Throws<ArgumentException>(() => CoverageRadius.OfSortedSums([])).ParamName);
        var e = Assert.Throws<ArgumentException>(() => CoverageRadius.OfSortedSums([0.0, 1.0, 0.5]));
        Assert.Equal("sortedSums", e.ParamName);
        Assert.Contains("ascending", e.Message);
    }

    [Fact]
    public void Bad_values_are_rejected_with_their_name()
    {
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => CoverageRadius.Of([])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => CoverageRadius.Of([double.NaN])).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CoverageRadius.Of(new double[40]));
        Assert.Contains("bytes", e.Message);
    }
}
