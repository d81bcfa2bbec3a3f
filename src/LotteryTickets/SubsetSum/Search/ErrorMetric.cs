namespace LotteryTickets.SubsetSum;

/// <summary>
/// A norm seen by the search loops through a "raw" accumulator that is cheap to update one coordinate at a
/// time and monotone in the norm: max |v_c| for the max-norm, Σ v_c² for the Euclidean norm. Implemented by
/// structs so that the JIT compiles one specialised copy of each search loop per norm.
/// </summary>
internal interface IErrorMetric
{
    /// <summary>The accumulator after adding coordinate difference <paramref name="diff"/>.</summary>
    static abstract double Combine(double acc, double diff);

    /// <summary>The accumulator value of an error (the error itself, or its square).</summary>
    static abstract double ToRaw(double error);

    /// <summary>The error of an accumulator value (the value itself, or its square root).</summary>
    static abstract double FromRaw(double raw);
}

/// <summary>The max-norm: raw = max_c |v_c|.</summary>
internal readonly struct MaxMetric : IErrorMetric
{
    public static double Combine(double acc, double diff) => Math.Max(acc, Math.Abs(diff));
    public static double ToRaw(double error) => error;
    public static double FromRaw(double raw) => raw;
}

/// <summary>The Euclidean norm: raw = Σ_c v_c².</summary>
internal readonly struct EuclideanMetric : IErrorMetric
{
    public static double Combine(double acc, double diff) => acc + diff * diff;
    public static double ToRaw(double error) => error * error;
    public static double FromRaw(double raw) => Math.Sqrt(raw);
}
