using System.Numerics;
using BenchmarkDotNet.Attributes;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Exact coverage radius eps*(X) over [-1, 1] of n U[-1,1] values, one core. The baseline is the method before issue 16,
/// run in the same process: scalar merge-doubling into one 8·2^n-byte list (SubsetSums.MergeDoubleScalar), then a scalar
/// scan of its gaps. Against it: the full list with the AVX-512 merge and the vector scan (SubsetSums.Sorted +
/// CoverageRadius.OfSortedSums), and CoverageRadius.Of, which lists only the first n - 1 values (4·2^n bytes) and scans the
/// last one in. The naive method (every sum by one addition, Array.Sort, scan; O(n·2^n)) is shown for scale. Every method
/// returns the same radius bit for bit (checked in the setup). Allocated bytes per operation are compared with 8·2^n in
/// docs/performance-subset-sum.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 9)]
public class SubsetSum1DCoverageBenchmarks
{
    private double[] _values = [];

    [Params(20, 22, 24, 26)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        LoadValues();
        double[] radii = [ScalarMergeDoubling(), EnumerateThenSort(), SortedThenScan(), CoverageRadiusOf()];
        if (radii.Any(r => BitConverter.DoubleToInt64Bits(r) != BitConverter.DoubleToInt64Bits(radii[0])))
            throw new InvalidOperationException($"n = {N}: the methods disagree: {string.Join(", ", radii.Select(r => r.ToString("R")))}.");
        Console.WriteLine($"// n = {N}: eps* = {radii[0]:R} from all four methods, bit for bit");
    }

    /// <summary>The n U[-1,1] values of every method, from seed 2023.</summary>
    public void LoadValues() => _values = ScalarSampler.Sample(ValueDistribution.Uniform, N, new Random(2023));

    [Benchmark(Baseline = true, Description = "before: scalar merge-doubling, full list, scalar scan")]
    public double ScalarMergeDoubling()
    {
        var sums = GC.AllocateUninitializedArray<double>(1 << N);
        sums[0] = 0;
        for (int k = 0, count = 1; k < N; k++, count <<= 1) SubsetSums.MergeDoubleScalar(sums, count, _values[k]);
        return ScalarScan(sums, -1, 1);
    }

    [Benchmark(Description = "naive: enumerate all sums, Array.Sort, scan")]
    public double EnumerateThenSort()
    {
        var sums = GC.AllocateUninitializedArray<double>(1 << N);
        sums[0] = 0;
        // Sum of subset m = sum of m without its highest bit + that bit's value: every sum added in index order.
        for (int m = 1; m < sums.Length; m++)
        {
            int top = 31 - BitOperations.LeadingZeroCount((uint)m);
            sums[m] = sums[m & ~(1 << top)] + _values[top];
        }
        Array.Sort(sums);
        return ScalarScan(sums, -1, 1);
    }

    [Benchmark(Description = "full list: SubsetSums.Sorted (AVX-512 merge) + OfSortedSums")]
    public double SortedThenScan() => CoverageRadius.OfSortedSums(SubsetSums.Sorted(_values));

    [Benchmark(Description = "CoverageRadius.Of: n - 1 values listed, the last scanned in")]
    public double CoverageRadiusOf() => CoverageRadius.Of(_values);

    // The scan of CoverageRadius before issue 16 (one gap at a time).
    private static double ScalarScan(double[] sums, double lower, double upper)
    {
        double radius = Math.Max(Distance(sums, lower), Distance(sums, upper));
        int start = Math.Max(0, LowerBound(sums, lower) - 1);
        int end = Math.Min(sums.Length - 1, LowerBound(sums, Math.BitIncrement(upper)));
        double bestHalfGap = 0;
        for (int j = start; j < end; j++)
        {
            double halfGap = (sums[j + 1] - sums[j]) * 0.5;
            if (halfGap > bestHalfGap)
            {
                double mid = sums[j] + halfGap;
                if (mid >= lower && mid <= upper) bestHalfGap = halfGap;
            }
        }
        return Math.Max(radius, bestHalfGap);
    }

    private static double Distance(double[] sums, double z)
    {
        int i = LowerBound(sums, z);
        double best = double.PositiveInfinity;
        if (i < sums.Length) best = sums[i] - z;
        if (i > 0) best = Math.Min(best, z - sums[i - 1]);
        return best;
    }

    private static int LowerBound(double[] sums, double z)
    {
        int lo = 0, hi = sums.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sums[mid] < z) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
