using System.Globalization;
using System.Numerics;
using Google.OrTools.Sat;
using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// The instances and the peers of the multidimensional subset-sum benchmarks: NSN vectors X_1..X_n in R^9
/// (Seeds.Rng(2023, n, instance)) and targets uniform in [-1,1]^9; brute force over all 2^n subsets; and the
/// general-purpose exact peer, OR-Tools CP-SAT on the MILP min t s.t. -t &lt;= z_c - Σ_i x_i X_ic &lt;= t, x binary,
/// with the reals scaled to integers by <see cref="CpSatScale"/> and the error of its subset recomputed in double.
/// </summary>
internal static class VectorSubsetSumPeers
{
    /// <summary>Scale of the reals in the CP-SAT model (toolchain.md: 1e2 and 1e3 gave wrong "optimal" subsets, 1e4 and above were exact).</summary>
    public const double CpSatScale = 1e5;

    public const int Dimension = 9;

    public static (double[][] Vectors, double[] Target)[] Instances(int n, int count, int dimension = Dimension) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var rng = Seeds.Rng(2023, n, i);
            double[][] vectors = VectorSampler.Nsn(dimension).Sample(n, rng);
            double[] target = [.. Enumerable.Range(0, dimension).Select(_ => 2 * rng.NextDouble() - 1)];
            return (vectors, target);
        })];

    /// <summary>Max-norm error of the best subset, over all 2^n subsets in Gray-code order (one vector added or removed per step).</summary>
    public static double BruteForce(double[][] vectors, double[] target)
    {
        int n = vectors.Length, d = target.Length;
        var residual = (double[])target.Clone();
        double best = residual.Max(Math.Abs);
        uint gray = 0;
        for (uint k = 1; k < 1u << n; k++)
        {
            int bit = BitOperations.TrailingZeroCount(k);
            gray ^= 1u << bit;
            double[] x = vectors[bit];
            double sign = (gray & (1u << bit)) != 0 ? 1 : -1;
            double error = 0;
            for (int c = 0; c < d; c++)
            {
                residual[c] -= sign * x[c];
                error = Math.Max(error, Math.Abs(residual[c]));
            }
            if (error < best) best = error;
        }
        return best;
    }

    /// <summary>CP-SAT's optimal subset (one worker unless <paramref name="workers"/> says more), its max-norm error recomputed in double, and whether CP-SAT proved optimality.</summary>
    public static (int[] Indices, double Error, bool Optimal) CpSat(double[][] vectors, double[] target, double timeLimitSeconds = 600, int workers = 1)
    {
        int n = vectors.Length, d = target.Length;
        var model = new CpModel();
        BoolVar[] x = [.. Enumerable.Range(0, n).Select(i => model.NewBoolVar($"x{i}"))];
        long bound = (long)Math.Ceiling(CpSatScale * (target.Max(Math.Abs) + vectors.Sum(v => v.Max(Math.Abs))));
        IntVar t = model.NewIntVar(0, bound, "t");
        for (int c = 0; c < d; c++)
        {
            long[] coefficients = [.. vectors.Select(v => (long)Math.Round(CpSatScale * v[c]))];
            long z = (long)Math.Round(CpSatScale * target[c]);
            LinearExpr sum = LinearExpr.WeightedSum(x, coefficients);
            model.Add(sum - z <= t);
            model.Add(z - sum <= t);
        }
        model.Minimize(t);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"num_workers:{workers} max_time_in_seconds:{timeLimitSeconds}"),
        };
        CpSolverStatus status = solver.Solve(model, null);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            throw new InvalidOperationException($"CP-SAT returned {status}.");
        int[] indices = [.. Enumerable.Range(0, n).Where(i => solver.BooleanValue(x[i]))];
        return (indices, ErrorOf(vectors, target, indices), status == CpSolverStatus.Optimal);
    }

    public static double ErrorOf(double[][] vectors, double[] target, int[] indices)
    {
        var sum = new double[target.Length];
        foreach (int i in indices) for (int c = 0; c < sum.Length; c++) sum[c] += vectors[i][c];
        return target.Select((z, c) => Math.Abs(z - sum[c])).Max();
    }
}
