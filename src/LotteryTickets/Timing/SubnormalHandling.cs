namespace LotteryTickets.Timing;

/// <summary>What the timing harness does when it finds subnormal weights.</summary>
public enum SubnormalHandling
{
    /// <summary>Set them to zero in the module being timed (a copy when the harness built the module from a network). Their values are below 1.2e-38, so outputs do not change measurably.</summary>
    Flush,

    /// <summary>Count and report them, change nothing (to measure their cost).</summary>
    ReportOnly,
}
