namespace LotteryTickets.Tests.SubsetSum;

/// <summary>The plain twins of the subset-sum solvers: enumerate every one of the 2^n subsets.</summary>
internal static class BruteForce
{
    /// <summary>The sum of the subset given by the bits of <paramref name="mask"/>, added in index order.</summary>
    public static double SumOf(double[] values, long mask)
    {
        double s = 0;
        for (int i = 0; i < values.Length; i++)
            if ((mask & (1L << i)) != 0) s += values[i];
        return s;
    }

    /// <summary>All 2^n subset sums, then Array.Sort.</summary>
    public static double[] SortedSums(double[] values)
    {
        var sums = new double[1L << values.Length];
        for (long mask = 0; mask < sums.Length; mask++) sums[mask] = SumOf(values, mask);
        Array.Sort(sums);
        return sums;
    }

    /// <summary>
    /// The radius of a sorted list as the straightforward scan computes it (the method before the vectorized one): the larger
    /// end distance, then every gap in turn, keeping the largest half-gap whose midpoint (left end + half-gap) lies in [a, b].
    /// The fast paths promise this value bit for bit.
    /// </summary>
    public static double ScanRadius(double[] sortedSums, double a, double b)
    {
        double ends = Math.Max(Distance(sortedSums, a), Distance(sortedSums, b));
        double best = 0;
        for (int j = 0; j + 1 < sortedSums.Length; j++)
        {
            double halfGap = (sortedSums[j + 1] - sortedSums[j]) * 0.5;
            double mid = sortedSums[j] + halfGap;
            if (halfGap > best && mid >= a && mid <= b) best = halfGap;
        }
        return Math.Max(ends, best);
    }

    /// <summary>min over all subsets of |z - sum|, by scanning every sum.</summary>
    public static double Distance(double[] allSums, double z)
    {
        double best = double.PositiveInfinity;
        foreach (double s in allSums) best = Math.Min(best, Math.Abs(z - s));
        return best;
    }

    /// <summary>
    /// sup over z in [a, b] of the distance to the nearest sum, as the maximum of the (naively evaluated)
    /// distance over every breakpoint candidate: the ends, every sum in [a, b] and the midpoint of every two
    /// neighbouring distinct sums that lies in [a, b]. A continuous piecewise-linear function attains its
    /// maximum over an interval at an end or at a breakpoint, and these are all the breakpoints.
    /// </summary>
    public static double Radius(double[] values, double a, double b)
    {
        double[] sums = SortedSums(values);
        var candidates = new List<double> { a, b };
        double[] distinct = [.. sums.Distinct()];
        foreach (double s in distinct)
            if (s >= a && s <= b) candidates.Add(s);
        for (int i = 0; i + 1 < distinct.Length; i++)
        {
            double mid = distinct[i] + (distinct[i + 1] - distinct[i]) / 2;
            if (mid >= a && mid <= b) candidates.Add(mid);
        }
        return candidates.Max(z => Distance(sums, z));
    }

    /// <summary>The largest distance to the nearest sum over a uniform grid of <paramref name="points"/> targets in [a, b]: a lower bound of the radius, within half the spacing of it.</summary>
    public static double GridRadius(double[] values, double a, double b, int points)
    {
        double[] sums = SortedSums(values);
        double best = 0;
        for (int k = 0; k < points; k++)
        {
            double z = k == points - 1 ? b : a + (b - a) * k / (points - 1);
            best = Math.Max(best, Distance(sums, z));
        }
        return best;
    }

    /// <summary>The best error over all 2^n subsets for one target.</summary>
    public static double BestError(double[] values, double target)
    {
        double best = double.PositiveInfinity;
        for (long mask = 0; mask < 1L << values.Length; mask++)
            best = Math.Min(best, Math.Abs(target - SumOf(values, mask)));
        return best;
    }
}
