using System.Text.Json.Serialization;

namespace LotteryTickets.Networks;

/// <summary>How the learning rate changes over the steps of a training run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LearningRateSchedule>))]
public enum LearningRateSchedule
{
    /// <summary>The same learning rate for every step.</summary>
    Constant,

    /// <summary>Cosine decay from the learning rate at the first step to zero after the last: <c>lr_t = lr (1 + cos(pi t / T)) / 2</c>.</summary>
    Cosine,
}
