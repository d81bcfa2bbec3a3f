namespace LotteryTickets.Exercises;

/// <summary>Where a student's answer to an exercise stands.</summary>
public enum GradeStatus
{
    /// <summary>The answer cell still holds its placeholder (null).</summary>
    NotAnswered,

    /// <summary>The answer was checked and is wrong; the feedback says why.</summary>
    Wrong,

    /// <summary>The answer was checked and is right.</summary>
    Right,
}
