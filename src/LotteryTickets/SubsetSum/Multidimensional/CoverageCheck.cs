using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The result of <see cref="GridCoverage.Check"/>: whether one sample of vectors eps-approximates every target in
/// [-1,1]^d (the "for all targets" event of the multidimensional random subset-sum theorems).
/// </summary>
/// <param name="Epsilon">The tolerance eps checked.</param>
/// <param name="Outcome">Covered, NotCovered (with a witness) or Undetermined.</param>
/// <param name="UncoveredTarget">When NotCovered: a target with no subset sum within eps; otherwise null.</param>
/// <param name="PointsEvaluated">Grid points (cell centres) whose nearest subset sum was searched.</param>
/// <param name="InitialSpacing">The spacing of the starting grid, chosen from eps (see <see cref="GridCoverage.CheckSpacing"/>).</param>
/// <param name="Norm">The norm of the error.</param>
public sealed record CoverageCheck(
    double Epsilon, CoverageOutcome Outcome, double[]? UncoveredTarget, long PointsEvaluated, double InitialSpacing, VectorNorm Norm)
{
    /// <summary>True when the outcome is <see cref="CoverageOutcome.Covered"/>.</summary>
    public bool Covered => Outcome == CoverageOutcome.Covered;

    /// <summary>Reads like "Covered at eps = 0.1 (Max-norm, 4,096 grid points)".</summary>
    public override string ToString()
    {
        string witness = UncoveredTarget is null ? ""
            : ", uncovered target (" + string.Join(", ", UncoveredTarget.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))) + ")";
        return string.Create(CultureInfo.InvariantCulture, $"{Outcome} at eps = {Epsilon:G4} ({Norm}-norm, {PointsEvaluated:N0} grid points{witness})");
    }
}
