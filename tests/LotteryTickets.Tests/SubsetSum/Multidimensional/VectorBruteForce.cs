using System.Numerics;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Tests.SubsetSum.Multidimensional;

/// <summary>The plain twin of the vector solvers: try every one of the 2^n subsets.</summary>
internal static class VectorBruteForce
{
    /// <summary>||target - Σ_{i∈mask} X_i|| with the sum added in index order.</summary>
    public static double Error(double[][] vectors, double[] target, long mask, VectorNorm norm)
    {
        var sum = new double[target.Length];
        for (int i = 0; i < vectors.Length; i++)
            if ((mask >> i & 1) != 0)
                for (int c = 0; c < sum.Length; c++) sum[c] += vectors[i][c];
        double acc = 0;
        for (int c = 0; c < sum.Length; c++)
        {
            double diff = target[c] - sum[c];
            acc = norm == VectorNorm.Max ? Math.Max(acc, Math.Abs(diff)) : acc + diff * diff;
        }
        return norm == VectorNorm.Max ? acc : Math.Sqrt(acc);
    }

    /// <summary>The smallest error over all subsets (of size k when given).</summary>
    public static double BestError(double[][] vectors, double[] target, VectorNorm norm = VectorNorm.Max, int? size = null)
    {
        double best = double.PositiveInfinity;
        for (long mask = 0; mask < 1L << vectors.Length; mask++)
        {
            if (size is int k && BitOperations.PopCount((ulong)mask) != k) continue;
            best = Math.Min(best, Error(vectors, target, mask, norm));
        }
        return best;
    }

    /// <summary>max over the points of a regular grid over [-1,1]^d of the distance to the nearest subset sum (a lower bound on eps*).</summary>
    public static double GridMaximum(double[][] vectors, int perAxis, VectorNorm norm = VectorNorm.Max)
    {
        int d = vectors[0].Length;
        var sums = Enumerable.Range(0, 1 << vectors.Length).Select(mask =>
        {
            var s = new double[d];
            for (int i = 0; i < vectors.Length; i++)
                if ((mask >> i & 1) != 0)
                    for (int c = 0; c < d; c++) s[c] += vectors[i][c];
            return s;
        }).ToArray();
        double worst = 0;
        var index = new int[d];
        while (true)
        {
            var z = index.Select(i => -1 + 2.0 * i / (perAxis - 1)).ToArray();
            double best = double.PositiveInfinity;
            foreach (var s in sums)
            {
                double acc = 0;
                for (int c = 0; c < d; c++)
                {
                    double diff = z[c] - s[c];
                    acc = norm == VectorNorm.Max ? Math.Max(acc, Math.Abs(diff)) : acc + diff * diff;
                }
                best = Math.Min(best, norm == VectorNorm.Max ? acc : Math.Sqrt(acc));
            }
            worst = Math.Max(worst, best);
            int k = d - 1;
            while (k >= 0 && ++index[k] == perAxis) index[k--] = 0;
            if (k < 0) return worst;
        }
    }

    /// <summary>Random Gaussian vectors and a uniform target from a seeded generator.</summary>
    public static (double[][] Vectors, double[] Target) Instance(int seed, int n, int d, double scale = 1.0)
    {
        var rng = new Random(seed);
        double[][] vectors = VectorSampler.Gaussian(d).Sample(n, rng);
        foreach (var x in vectors) for (int c = 0; c < d; c++) x[c] *= scale;
        double[] target = [.. Enumerable.Range(0, d).Select(_ => 2 * rng.NextDouble() - 1)];
        return (vectors, target);
    }
}
