namespace LotteryTickets.Learning;

/// <summary>A progress report of <see cref="EdgePopup.Train"/>.</summary>
/// <param name="Granularity">What the scores select.</param>
/// <param name="Epoch">Current epoch, from 1.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean cross-entropy over the recent steps of this epoch.</param>
public sealed record EdgePopupProgress(MaskGranularity Granularity, int Epoch, int Epochs, int Step, int Steps, double Loss)
{
    /// <inheritdoc />
    public override string ToString() => $"learning a mask of {Granularity.Describe()}: epoch {Epoch}/{Epochs}, step {Step}/{Steps}, loss {Loss:F4}";
}
