namespace LotteryTickets.Workbook;

/// <summary>Thrown by <see cref="ClaimChecks.Report"/> when a measurement contradicts a claim of the notebook.</summary>
public sealed class ClaimChecksFailedException : InvalidOperationException
{
    /// <summary>Creates the exception for the failed checks.</summary>
    public ClaimChecksFailedException(IReadOnlyList<ClaimCheck> failed, int total)
        : base(Describe(failed, total))
    {
        Failed = failed;
    }

    /// <summary>The checks that failed.</summary>
    public IReadOnlyList<ClaimCheck> Failed { get; }

    private static string Describe(IReadOnlyList<ClaimCheck> failed, int total) =>
        $"{failed.Count} of {total} checks failed: " + string.Join("; ", failed.Select(f =>
            $"{f.Claim} (measured {f.Measured}, needs {f.Threshold}; {(f.Kind == ClaimKind.Identity ? "an identity: this is a bug" : f.KindText)})"));
}
