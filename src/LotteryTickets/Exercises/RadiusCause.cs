namespace LotteryTickets.Exercises;

/// <summary>Which of the three candidates sets a sample's coverage radius ε*(X) (see <see cref="SubsetSum.CoverageReport"/>).</summary>
public enum RadiusCause
{
    /// <summary>The distance from −1 to the nearest subset sum.</summary>
    DistanceFromMinusOne,

    /// <summary>The distance from +1 to the nearest subset sum.</summary>
    DistanceFromPlusOne,

    /// <summary>Half the largest gap between neighbouring sums (with its midpoint in [−1, 1]).</summary>
    HalfLargestGap,
}
