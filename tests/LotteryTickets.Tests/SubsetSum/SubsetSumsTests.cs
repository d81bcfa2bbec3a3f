using CsCheck;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum;

public class SubsetSumsTests
{
    internal static readonly Gen<double[]> SmallSamples = Gen.OneOf(
        Gen.Double[-1.0, 1.0].Array[1, 12],
        Gen.Double[0.0, 2.0].Array[1, 12],                                   // all positive
        Gen.Int[-3, 3].Select(k => k * 0.25).Array[1, 12],                   // many duplicates and exact ties
        Gen.Double[-1.0, 1.0].SelectMany(x => Gen.Int[1, 8].Select(m => Enumerable.Repeat(x, m).ToArray()))); // all equal

    [Fact]
    public void Sorted_sums_equal_brute_force_bit_for_bit() =>
        SmallSamples.Sample(values =>
            Assert.Equal(BruteForce.SortedSums(values), SubsetSums.Sorted(values)), iter: 300);

    [Fact]
    public void Sorted_sums_of_larger_samples_equal_the_scalar_merge_bit_for_bit() =>
        // Sizes past VectorMerge.MinCount run the AVX-512 merge where the processor has it (this machine's does).
        Gen.OneOf(
            Gen.Double[-1.0, 1.0].Array[5, 16],
            Gen.Int[-3, 3].Select(k => k * 0.25).Array[5, 16],
            Gen.Double[-1.0, 1.0].Array[4, 14].Select(Gen.Double[-1e6, 1e6], (v, big) => (double[])[big, .. v, -big]),
            Gen.Double[-1.0, 1.0].SelectMany(x => Gen.Int[5, 14].Select(m => Enumerable.Repeat(x, m).ToArray()))).Sample(values =>
        {
            var scalar = new double[1 << values.Length];
            for (int k = 0, count = 1; k < values.Length; k++, count <<= 1) SubsetSums.MergeDoubleScalar(scalar, count, values[k]);
            double[] sorted = SubsetSums.Sorted(values);
            for (int i = 0; i < sorted.Length; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(scalar[i]), BitConverter.DoubleToInt64Bits(sorted[i]));
        }, iter: 200);

    [Fact]
    public void One_value_gives_zero_and_the_value_in_order()
    {
        Assert.Equal([0.0, 0.5], SubsetSums.Sorted([0.5]));
        Assert.Equal([-0.5, 0.0], SubsetSums.Sorted([-0.5]));
    }

    [Fact]
    public void Zero_values_give_repeated_zero_sums() =>
        Assert.Equal(new double[8], SubsetSums.Sorted([0.0, 0.0, 0.0]));

    [Fact]
    public void Empty_values_are_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSums.Sorted([]));
        Assert.Equal("values", e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_values_are_rejected(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => SubsetSums.Sorted([0.1, bad]));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("values[1]", e.Message);
    }

    [Fact]
    public void Sums_that_overflow_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SubsetSums.Sorted([double.MaxValue, double.MaxValue]));
        Assert.Equal("values", e.ParamName);
    }

    [Fact]
    public void Too_many_values_for_the_memory_limit_give_bytes_needed_and_limit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSums.Sorted(new double[20], maxBytes: 1_000_000));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("8,388,608 bytes", e.Message);
        Assert.Contains("1,000,000 bytes", e.Message);
        Assert.Contains("between 1 and 16", e.Message);
    }

    [Fact]
    public void Default_limit_stops_at_n_29_before_allocating()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSums.Sorted(new double[EnumerationLimits.MaxSortedSumsN + 1]));
        Assert.Contains("4,294,967,296 bytes", e.Message);
        Assert.Contains($"between 1 and {EnumerationLimits.MaxSortedSumsN}", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSums.Sorted(new double[64]));
    }

    [Fact]
    public void Byte_counts_follow_the_formulas()
    {
        Assert.Equal(8L << 20, EnumerationLimits.SortedSumsBytes(20));
        Assert.Equal(EnumerationLimits.DefaultMaxBytes, EnumerationLimits.SortedSumsBytes(EnumerationLimits.MaxSortedSumsN));
        Assert.Equal(12L * ((1L << 22) + (1L << 22)), EnumerationLimits.MeetInTheMiddleBytes(44));
        Assert.Equal(12L * ((1L << 2) + (1L << 3)), EnumerationLimits.MeetInTheMiddleBytes(5));
    }
}
