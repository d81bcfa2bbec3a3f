namespace LotteryTickets.Workbook;

/// <summary>One claim of a notebook, checked on its measurements: one row of the checks table.</summary>
/// <param name="Claim">What the notebook claims, in the notebook's words.</param>
/// <param name="Kind">Identity (fails only on a bug) or empirical (can fail by chance).</param>
/// <param name="Measured">The measured value, as shown.</param>
/// <param name="Threshold">What the measured value must respect, as shown (for example "≥ 8").</param>
/// <param name="Passed">Whether the measurement respects the threshold.</param>
/// <param name="FailureProbability">For an empirical claim, an upper bound on the probability that it fails for one seed at
/// the notebook's default parameters; 0 for an identity.</param>
/// <param name="Basis">For an empirical claim, why it fails that rarely (the argument and the numbers behind the bound); empty for an identity.</param>
public sealed record ClaimCheck(string Claim, ClaimKind Kind, string Measured, string Threshold, bool Passed, double FailureProbability, string Basis)
{
    /// <summary>The kind as the checks table shows it, with the failure probability of an empirical claim.</summary>
    public string KindText => Kind == ClaimKind.Identity
        ? "identity"
        : $"empirical, fails for ≤ {FailureProbability.ToString("0.#e0", System.Globalization.CultureInfo.InvariantCulture)} of seeds";
}
