using System.Text.Json.Serialization;

namespace LotteryTickets.Learning;

/// <summary>
/// One network of the comparison of learned and constructed masks: the target, the constructed kernel ticket, a learned
/// mask, or a random mask of the same budget (a learned mask whose scores stayed at their initial values).
/// </summary>
/// <param name="Method">"target", "constructed", "learned" or "random".</param>
/// <param name="Structure">What the mask keeps or prunes: "kernels", "channels" or "weights" ("dense" for the target).</param>
/// <param name="HiddenPerInput">n of the random network (the same in every layer), 0 for the target.</param>
/// <param name="Seed">Seed of the random network (and of the learned mask's scores), 0 for the target.</param>
/// <param name="KeptWeights">Weights the network uses: kept weights of the random network, or the target's weights.</param>
/// <param name="Density">Kept weights ÷ weights of the random network (1 for the target).</param>
/// <param name="UsedChannels">Hidden channels the mask keeps (0 for the target).</param>
/// <param name="CompactWeights">Weights stored by the compact network (gather 1x1 form; the target's own for the target).</param>
/// <param name="TestAccuracy">Accuracy on the test images used.</param>
/// <param name="Seconds">Wall-clock time to obtain the network: the construction, the learning, or the target's recorded training time (null when unknown).</param>
/// <param name="TrainImages">Training images used to obtain it (0 for the construction, which uses only the target).</param>
public sealed record ComparisonRow(string Method, string Structure, int HiddenPerInput, int Seed, long KeptWeights, double Density, int UsedChannels,
    long CompactWeights, double TestAccuracy, double? Seconds, int TrainImages)
{
    /// <summary>"learned kernels", "constructed kernels", "random weights", "target".</summary>
    [JsonIgnore]
    public string Label => Method == "target" ? "target" : $"{Method} {Structure}";
}
