using System.Text.Json.Serialization;

namespace LotteryTickets.Learning;

/// <summary>How <see cref="EdgePopup"/> updates the scores from their straight-through gradients.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScoreOptimizer>))]
public enum ScoreOptimizer
{
    /// <summary>
    /// Adam (Kingma and Ba 2015): every score moves by about the learning rate per step whatever the size of its
    /// gradient, which suits random networks whose layers give gradients of very different sizes (weights N(0, 1), no
    /// normalisation layers).
    /// </summary>
    Adam,

    /// <summary>
    /// SGD with momentum (edge-popup's choice, Ramanujan et al. 2020): a score moves in proportion to its accumulated
    /// gradient, so units are ranked by how much they lower the loss.
    /// </summary>
    SgdMomentum,
}
