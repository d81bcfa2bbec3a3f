using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum;

/// <summary>
/// The fast 1-D code (the AVX-512 merge-doubling, the vector gap scan, CoverageRadius.Of scanning the last value in) against
/// the straightforward implementation, bit for bit: every subset sum added in index order and Array.Sort
/// (<see cref="BruteForce.SortedSums"/>), then one gap at a time (<see cref="BruteForce.ScanRadius"/>). Each case runs with
/// every vector width the code may pick (<see cref="VectorPaths"/>), so the scalar fallback is checked on a processor with
/// AVX-512 too. The instances are drawn from fixed seeds, so a failure names a seed that reproduces it.
/// </summary>
public class OneDimensionalOracleTests
{
    public static TheoryData<string> Widths => [nameof(VectorWidth.Any), nameof(VectorWidth.Vector256), nameof(VectorWidth.Scalar)];

    private const int Seeds = 160;

    /// <summary>
    /// Instance shapes that stress the merge and the scan: n from 1 to 17 (counts on both sides of VectorMerge.MinCount),
    /// all positive or all negative values, duplicates and exact ties on a quarter grid, one value repeated, zeros of both
    /// signs, a value far larger than the others first or last, tiny and subnormal magnitudes, and values of very different
    /// scales (sums that round).
    /// </summary>
    internal static double[] Instance(int seed)
    {
        var rng = new Random(seed);
        int n = seed % 23 == 0 ? 1 : rng.Next(2, seed % 5 == 0 ? 18 : 14);
        double U(double a, double b) => a + (b - a) * rng.NextDouble();
        double[] v = new double[n];
        switch (seed % 9)
        {
            case 0: for (int i = 0; i < n; i++) v[i] = U(-1, 1); break;
            case 1: for (int i = 0; i < n; i++) v[i] = U(0, 2); break;
            case 2: for (int i = 0; i < n; i++) v[i] = -U(0, 1.5); break;
            case 3: for (int i = 0; i < n; i++) v[i] = rng.Next(-4, 5) * 0.25; break;
            case 4: Array.Fill(v, U(-1, 1)); break;
            case 5: for (int i = 0; i < n; i++) v[i] = rng.Next(3) switch { 0 => 0.0, 1 => -0.0, _ => U(-1, 1) }; break;
            case 6:
                for (int i = 0; i < n; i++) v[i] = U(-1, 1);
                v[rng.Next(2) == 0 ? 0 : n - 1] = U(-50, 50);
                break;
            case 7: for (int i = 0; i < n; i++) v[i] = rng.Next(2) == 0 ? U(-1, 1) * 1e-310 : U(-1, 1) * 1e-3; break;
            default: for (int i = 0; i < n; i++) v[i] = U(-1, 1) * Math.Pow(10, rng.Next(-8, 9)); break;
        }
        return v;
    }

    // The default interval, one inside the sums, one straddling their range and one beyond it.
    private static (double A, double B) Interval(int seed, double[] values)
    {
        var rng = new Random(~seed);
        double reach = values.Sum(Math.Abs) + 1;
        return (seed / 9 % 4) switch
        {
            0 => (-1.0, 1.0),
            1 => (-0.25 * rng.NextDouble(), 0.25 * rng.NextDouble() + 1e-9),
            2 => (-reach * rng.NextDouble(), reach * rng.NextDouble() + 1e-9),
            _ => (reach, reach + rng.NextDouble() + 1e-9),
        };
    }

    private static void Same(double expected, double actual, Func<string> what)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
            Assert.Fail($"{what()}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Sorted_sums_equal_the_enumerate_and_sort_oracle_bit_for_bit(string width)
    {
        using var _ = VectorPaths.Limit(Enum.Parse<VectorWidth>(width));
        for (int seed = 0; seed < Seeds; seed++)
        {
            double[] values = Instance(seed);
            double[] expected = BruteForce.SortedSums(values), actual = SubsetSums.Sorted(values);
            for (int i = 0; i < expected.Length; i++)
                Same(expected[i], actual[i], () => $"seed {seed}, n = {values.Length}, sum {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Coverage_radius_equals_the_plain_scan_of_the_oracle_list_bit_for_bit(string width)
    {
        using var _ = VectorPaths.Limit(Enum.Parse<VectorWidth>(width));
        for (int seed = 0; seed < Seeds; seed++)
        {
            double[] values = Instance(seed);
            var (a, b) = Interval(seed, values);
            double[] sums = BruteForce.SortedSums(values);
            double expected = BruteForce.ScanRadius(sums, a, b);
            Same(expected, CoverageRadius.Of(values, a, b), () => $"Of, seed {seed}, n = {values.Length}, [{a:R}, {b:R}]");
            Same(expected, CoverageRadius.OfSortedSums(sums, a, b), () => $"OfSortedSums, seed {seed}, n = {values.Length}");
            Same(expected, CoverageRadius.Analyze(values, a, b).Radius, () => $"Analyze, seed {seed}, n = {values.Length}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_prefix_radius_of_one_pass_equals_the_oracle(string width)
    {
        // The experiments read the radius of every prefix X_1..X_k off one merge-doubling pass (SubsetSums.FillSorted).
        using var _ = VectorPaths.Limit(Enum.Parse<VectorWidth>(width));
        for (int seed = 0; seed < Seeds; seed += 7)
        {
            double[] values = Instance(seed);
            var (a, b) = Interval(seed, values);
            var buffer = new double[1 << values.Length];
            SubsetSums.FillSorted(values, buffer, (k, sums) =>
            {
                if (k == 0) return;
                double expected = BruteForce.ScanRadius(BruteForce.SortedSums(values[..k]), a, b);
                Same(expected, CoverageRadius.Compute(sums, a, b), () => $"seed {seed}, prefix {k}");
            });
        }
    }

    [Fact]
    public void Vector_merge_step_equals_the_scalar_step_on_any_ascending_list()
    {
        // The kernel takes any ascending list of count >= 16 entries (not only subset sums, not only powers of two), so the
        // ends of its loop (one copy running out before the other, the carry flushed) are met at many offsets.
        if (!VectorMerge.IsSupported)
        {
            Assert.Throws<InvalidOperationException>(() => VectorMerge.MergeDouble(new double[64], 32, 0.5));
            return;
        }
        for (int seed = 0; seed < 400; seed++)
        {
            var rng = new Random(seed);
            int count = VectorMerge.MinCount + rng.Next(seed % 3 == 0 ? 8 : 300);
            double scale = seed % 4 == 0 ? 0.25 : 0; // quarter grid: many exact ties between the two copies
            var list = new double[count];
            for (int i = 0; i < count; i++)
                list[i] = scale > 0 ? rng.Next(-20, 21) * scale : rng.NextDouble() * 4 - 2;
            Array.Sort(list);
            for (int i = 0; i < count; i++) if (list[i] == 0) list[i] = 0.0; // no -0.0, as in the sum lists
            double x = seed % 5 == 0 ? rng.Next(-3, 4) * 0.25 : (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 2));
            var expected = new double[2 * count];
            var actual = new double[2 * count];
            list.CopyTo(expected, 0);
            list.CopyTo(actual, 0);
            SubsetSums.MergeDoubleScalar(expected, count, x);
            VectorMerge.MergeDouble(actual, count, x);
            for (int i = 0; i < expected.Length; i++)
                Same(expected[i], actual[i], () => $"seed {seed}, count {count}, x = {x:R}, entry {i}");
        }
    }

    [Fact]
    public void Results_do_not_depend_on_call_order_pooled_buffers_or_threads()
    {
        // Of rents its list from a shared pool (stale contents from earlier, larger calls); every vector width and two
        // threads at once must give the same bits as a first call.
        double[][] samples = [.. Enumerable.Range(0, 24).Select(s => Instance(s * 5))];
        double[] first = [.. samples.Select(v => CoverageRadius.Of(v))];
        double[] reversed = [.. samples.Reverse().Select(v => CoverageRadius.Of(v)).Reverse()];
        var parallel = new double[samples.Length];
        Parallel.For(0, samples.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => parallel[i] = CoverageRadius.Of(samples[i]));
        double[] scalar;
        using (VectorPaths.Limit(VectorWidth.Scalar)) scalar = [.. samples.Select(v => CoverageRadius.Of(v))];
        for (int i = 0; i < samples.Length; i++)
        {
            Same(first[i], reversed[i], () => $"sample {i} in reverse order");
            Same(first[i], parallel[i], () => $"sample {i} on two threads");
            Same(first[i], scalar[i], () => $"sample {i} with the scalar fallback");
        }
    }

    [Fact]
    public void The_vector_width_limit_is_per_thread_and_restored()
    {
        Assert.Equal(VectorWidth.Any, VectorPaths.Widest);
        using (VectorPaths.Limit(VectorWidth.Scalar))
        {
            Assert.False(VectorPaths.Allows256);
            VectorWidth other = VectorWidth.Scalar;
            var thread = new Thread(() => other = VectorPaths.Widest);
            thread.Start();
            thread.Join();
            Assert.Equal(VectorWidth.Any, other);
            using (VectorPaths.Limit(VectorWidth.Vector256)) Assert.True(VectorPaths.Allows256 && !VectorPaths.Allows512);
            Assert.Equal(VectorWidth.Scalar, VectorPaths.Widest);
        }
        Assert.True(VectorPaths.Allows512);
    }
}
