using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// One chosen subset S of the vectors for a target z: the indices kept (ascending), their sum
/// Σ_{i∈S} X_i (added in index order, coordinate by coordinate), the error ||z - Σ_{i∈S} X_i|| in the
/// requested norm, and whether the search proved that no subset (of the allowed size) does better.
/// In a structured ticket the kept indices are the kernels (or filters) that survive.
/// </summary>
/// <param name="Indices">Indices of the chosen vectors, ascending; empty for the empty subset.</param>
/// <param name="Sum">The sum of the chosen vectors, added in index order.</param>
/// <param name="Error">The error ||target - Sum|| in the norm of the options.</param>
/// <param name="ProvenOptimal">True only when the search certified that no allowed subset has a smaller error.</param>
public sealed record VectorSubsetChoice(int[] Indices, double[] Sum, double Error, bool ProvenOptimal)
{
    /// <summary>The algorithm that produced this answer (<see cref="VectorSubsetSumMethod.Exact"/> or <see cref="VectorSubsetSumMethod.Heuristic"/>).</summary>
    public VectorSubsetSumMethod Method { get; init; }

    /// <summary>Search nodes visited (pairs of k-d tree nodes), the unit of <see cref="VectorSubsetSumOptions.NodeLimit"/>. When the
    /// exact search ran on two threads (n &gt;= 40 without a tolerance or node limit) the count depends on their timing; the
    /// subset does not.</summary>
    public long Nodes { get; init; }

    /// <summary>Number of vectors kept, |S|.</summary>
    public int Size => Indices.Length;

    /// <summary>Builds the choice for <paramref name="indices"/> (ascending), recomputing the sum in index order and the error in double precision.</summary>
    internal static VectorSubsetChoice Create(IReadOnlyList<double[]> vectors, int[] indices, double[] target, VectorNorm norm,
        bool provenOptimal, VectorSubsetSumMethod method, long nodes)
    {
        var sum = new double[target.Length];
        foreach (int i in indices)
        {
            double[] x = vectors[i];
            for (int c = 0; c < sum.Length; c++) sum[c] += x[c];
        }
        return new VectorSubsetChoice(indices, sum, VectorError(target, sum, norm), provenOptimal) { Method = method, Nodes = nodes };
    }

    /// <summary>||target - sum|| in <paramref name="norm"/>.</summary>
    internal static double VectorError(ReadOnlySpan<double> target, ReadOnlySpan<double> sum, VectorNorm norm)
    {
        double acc = 0;
        for (int c = 0; c < target.Length; c++)
        {
            double diff = target[c] - sum[c];
            acc = norm == VectorNorm.Max ? Math.Max(acc, Math.Abs(diff)) : acc + diff * diff;
        }
        return norm == VectorNorm.Max ? acc : Math.Sqrt(acc);
    }

    /// <summary>Reads like "|S| = 3 {0, 4, 7}: error 0.0123 (proven optimal, Exact)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"|S| = {Indices.Length} {{{string.Join(", ", Indices)}}}: error {Error:G4} ({(ProvenOptimal ? "proven optimal" : "not proven optimal")}, {Method})");
}
