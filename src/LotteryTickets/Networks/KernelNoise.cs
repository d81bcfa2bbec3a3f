namespace LotteryTickets.Networks;

/// <summary>How the entries of a kernel slice are disturbed by <see cref="TargetRobustness.Perturbed"/>.</summary>
public enum KernelNoise
{
    /// <summary>Every entry moves by an independent amount uniform in [-η, η]: a slice error of max-norm at most η, typically about 0.9η for a 3x3 slice.</summary>
    Uniform,

    /// <summary>Every entry moves by exactly +η or -η (random signs): every slice error has max-norm exactly η, the most any entry may move.</summary>
    Corners,
}
