using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// How well the subset sums of one sample cover a target interval [a, b] (see <see cref="CoverageRadius"/>).
/// <see cref="Radius"/> = max(<see cref="LowerEndDistance"/>, <see cref="UpperEndDistance"/>, <see cref="LargestGap"/>/2).
/// </summary>
/// <param name="N">Number of values n in the sample.</param>
/// <param name="Lower">The interval's lower end a.</param>
/// <param name="Upper">The interval's upper end b.</param>
/// <param name="Radius">The coverage radius eps*(X) = sup over z in [a, b] of min over subsets S of |z - Σ_S x_i|.</param>
/// <param name="WorstTarget">A target z in [a, b] at which that supremum is attained.</param>
/// <param name="LowerEndDistance">Distance from a to the nearest subset sum.</param>
/// <param name="UpperEndDistance">Distance from b to the nearest subset sum.</param>
/// <param name="LargestGap">Largest gap between consecutive sums whose midpoint lies in [a, b] (0 if none).</param>
/// <param name="LargestGapStart">Left end (a subset sum) of that gap; NaN if none.</param>
/// <param name="SumsInInterval">How many of the 2^n sums (with multiplicity) lie in [a, b].</param>
public sealed record CoverageReport(
    int N, double Lower, double Upper, double Radius, double WorstTarget,
    double LowerEndDistance, double UpperEndDistance, double LargestGap, double LargestGapStart, int SumsInInterval)
{
    /// <summary>Reads like "n = 12: eps* = 0.0123 at z = 0.9876 (largest gap 0.0200, ends 0.0011 / 0.0123)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n = {N}: eps* = {Radius:G4} at z = {WorstTarget:G6} on [{Lower:G4}, {Upper:G4}] (largest gap {LargestGap:G4}, end distances {LowerEndDistance:G4} / {UpperEndDistance:G4}, {SumsInInterval} sums inside)");
}
