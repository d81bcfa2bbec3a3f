namespace LotteryTickets.Timing;

/// <summary>What the subnormal check found in a model's weights and what it did about it.</summary>
/// <param name="Model">The model checked.</param>
/// <param name="Weights">Floating-point parameter entries inspected.</param>
/// <param name="Subnormal">Entries that are subnormal (non-zero with magnitude below the smallest normal number of their type).</param>
/// <param name="Action">What was done, in words (nothing, flushed to zero in the timed copy, flushed in place, or only reported).</param>
public sealed record SubnormalReport(string Model, long Weights, long Subnormal, string Action)
{
    /// <inheritdoc />
    public override string ToString() => $"{Model}: {Subnormal:N0} subnormal of {Weights:N0} weights; {Action}";
}
