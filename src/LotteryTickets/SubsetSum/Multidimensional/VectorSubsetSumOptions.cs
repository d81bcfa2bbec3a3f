using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// Settings of <see cref="VectorSubsetSum.Solve"/>. The defaults ask for the exact optimum in the max-norm
/// over subsets of any size, with no limits.
/// </summary>
public sealed record VectorSubsetSumOptions
{
    /// <summary>The default options.</summary>
    public static VectorSubsetSumOptions Default { get; } = new();

    /// <summary>The norm in which the error ||z - Σ_{i∈S} X_i|| is measured (default: max-norm).</summary>
    public VectorNorm Norm { get; init; } = VectorNorm.Max;

    /// <summary>
    /// Stop as soon as a subset with error &lt;= Tolerance is found (default 0: search for the optimum).
    /// The answer then has error &lt;= Tolerance but is not certified optimal
    /// (<see cref="VectorSubsetChoice.ProvenOptimal"/> is false unless the search finished anyway).
    /// Must be finite and &gt;= 0.
    /// </summary>
    public double Tolerance { get; init; }

    /// <summary>
    /// When set, only subsets of exactly this size k are considered (|S| = k, as in the fixed-size subsets of
    /// the paper's proofs). Must be between 0 and the number of vectors. Null (default): any size, including
    /// the empty subset.
    /// </summary>
    public int? FixedSize { get; init; }

    /// <summary>
    /// Wall-clock budget (must be positive when set). When it runs out the best subset found so far is returned
    /// with <see cref="VectorSubsetChoice.ProvenOptimal"/> = false. Results cut by a time limit depend on the
    /// machine's speed; use <see cref="NodeLimit"/> for reproducible budgets.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// Budget in search nodes (pairs of k-d tree nodes visited, summed over all exact searches of the call;
    /// must be positive when set). Deterministic: the same input and limit give the same answer on every machine.
    /// </summary>
    public long? NodeLimit { get; init; }

    /// <summary>Which algorithm to use (default <see cref="VectorSubsetSumMethod.Auto"/>).</summary>
    public VectorSubsetSumMethod Method { get; init; } = VectorSubsetSumMethod.Auto;

    /// <summary>Seed of the heuristic's window choices; the heuristic is deterministic for a given seed.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Whether Exact builds its two half-sum trees on two threads at once (for halves of 2^14 sums and more; the answer is
    /// the same either way). Off only to measure what it buys.
    /// </summary>
    internal bool ParallelBuild { get; init; } = true;

    /// <summary>
    /// Whether Exact may search its shifts (from n = 40, see <c>ShiftedSearch</c>) on two threads sharing one index, when the
    /// machine has two cores and the call gives neither a tolerance nor a node limit (the subset is the same either way; the
    /// node count of <see cref="VectorSubsetChoice.Nodes"/> may differ; a <see cref="TimeLimit"/> that stops the search leaves an
    /// unproven subset that depends on the timing on one thread as on two). Off only to measure what it buys.
    /// </summary>
    internal bool ParallelSearch { get; init; } = true;

    /// <summary>Reads like "Max-norm, tolerance 0.01, |S| = 5, Auto".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Norm}-norm, tolerance {Tolerance:G4}{(FixedSize is int k ? $", |S| = {k}" : "")}, {Method}" +
        $"{(TimeLimit is TimeSpan t ? $", time limit {t.TotalMilliseconds:0} ms" : "")}{(NodeLimit is long l ? $", node limit {l}" : "")}");
}
