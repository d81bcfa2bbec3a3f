namespace LotteryTickets.Workbook;

/// <summary>What kind of claim a notebook check asserts, which says how to read a failure.</summary>
public enum ClaimKind
{
    /// <summary>
    /// A consequence of the mathematics or of the code's design (for example "adding a value never makes the
    /// coverage radius larger"): it holds for every seed, so a failure means a bug.
    /// </summary>
    Identity,

    /// <summary>
    /// A statement about random measurements (for example "the median radius falls at least 8-fold"): it can fail
    /// by chance, with a per-seed probability the notebook works out and keeps at most
    /// <see cref="ClaimChecks.MaxFailureProbability"/>.
    /// </summary>
    Empirical,
}
