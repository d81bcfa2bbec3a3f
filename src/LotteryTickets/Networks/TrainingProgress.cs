namespace LotteryTickets.Networks;

/// <summary>A progress report of <see cref="TargetTrainer.Train"/>.</summary>
/// <param name="Epoch">Current epoch, from 1.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean cross-entropy over the recent steps of this epoch.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss)
{
    /// <inheritdoc />
    public override string ToString() => $"epoch {Epoch}/{Epochs}, step {Step}/{Steps}, loss {Loss:F4}";
}
