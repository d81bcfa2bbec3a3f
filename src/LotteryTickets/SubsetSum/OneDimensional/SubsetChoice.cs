using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// One chosen subset S of the values for a target z: the indices kept (ascending), their sum
/// Σ_{i∈S} X_i (added in index order) and the error |z - Σ_{i∈S} X_i|. In a pruned network the kept
/// indices are the weights (or hidden units) that survive; the others are pruned.
/// </summary>
/// <param name="Indices">Indices of the chosen values, ascending; empty for the empty subset.</param>
/// <param name="Sum">The sum of the chosen values, added in index order.</param>
/// <param name="Error">The absolute error |target - Sum|.</param>
public sealed record SubsetChoice(int[] Indices, double Sum, double Error)
{
    /// <summary>Builds the choice for <paramref name="indices"/> (ascending) of <paramref name="values"/>, recomputing the sum in index order.</summary>
    internal static SubsetChoice Create(ReadOnlySpan<double> values, int[] indices, double target)
    {
        double sum = 0;
        foreach (int i in indices) sum += values[i];
        return new SubsetChoice(indices, sum, Math.Abs(target - sum));
    }

    /// <summary>Reads like "{0, 3, 5}: sum 0.41230, error 1.2E-05".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{{{string.Join(", ", Indices)}}}: sum {Sum:0.#####}, error {Error:G3}");
}
