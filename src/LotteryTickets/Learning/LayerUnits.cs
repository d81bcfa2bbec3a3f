using LotteryTickets.Pruning;

namespace LotteryTickets.Learning;

/// <summary>The units of one random pair at one granularity (see <see cref="UnitLayout"/>).</summary>
public sealed class LayerUnits
{
    private readonly bool[] _liveChannel;

    internal LayerUnits(int layer, MaskGranularity granularity, int outChannels, int hidden, int kernelSize, bool[] liveChannel)
    {
        (Layer, Granularity, OutChannels, Hidden, KernelSize, _liveChannel) = (layer, granularity, outChannels, hidden, kernelSize, liveChannel);
        Shape = granularity switch
        {
            MaskGranularity.Weight => [outChannels, hidden, kernelSize, kernelSize],
            MaskGranularity.Kernel => [outChannels, hidden],
            _ => [hidden],
        };
        Count = Shape.Aggregate(1, (a, b) => a * b);
        WeightsPerUnit = granularity switch
        {
            MaskGranularity.Weight => 1,
            MaskGranularity.Kernel => kernelSize * kernelSize,
            _ => outChannels * kernelSize * kernelSize,
        };
        Live = new bool[Count];
        for (int k = 0; k < Count; k++) Live[k] = liveChannel[ChannelOf(k)];
        LiveCount = Live.Count(b => b);
        LiveChannels = liveChannel.Count(b => b);
    }

    /// <summary>Target layer index.</summary>
    public int Layer { get; }

    /// <summary>What one unit is.</summary>
    public MaskGranularity Granularity { get; }

    /// <summary>Output channels <c>c_out</c>.</summary>
    public int OutChannels { get; }

    /// <summary>Hidden channels <c>m</c>.</summary>
    public int Hidden { get; }

    /// <summary>Kernel side <c>d</c>.</summary>
    public int KernelSize { get; }

    /// <summary>Shape of the unit grid, outermost first: <c>(c_out, m, d, d)</c>, <c>(c_out, m)</c> or <c>(m)</c>.</summary>
    public int[] Shape { get; }

    /// <summary>Units in the grid, live or not.</summary>
    public int Count { get; }

    /// <summary>Which units can change the output (row-major over <see cref="Shape"/>). Treat as read-only.</summary>
    public bool[] Live { get; }

    /// <summary>Live units: the most a budget may ask for.</summary>
    public int LiveCount { get; }

    /// <summary>Hidden channels that can carry signal.</summary>
    public int LiveChannels { get; }

    /// <summary>Weights of V one unit keeps: 1, d² or c_out·d².</summary>
    public int WeightsPerUnit { get; }

    /// <summary>Whether hidden channel <paramref name="hidden"/> can carry signal (its units are live).</summary>
    public bool IsLiveChannel(int hidden) => _liveChannel[hidden];

    /// <summary>The hidden channel unit <paramref name="unit"/> belongs to.</summary>
    public int ChannelOf(int unit) => Granularity switch
    {
        MaskGranularity.Weight => unit / (KernelSize * KernelSize) % Hidden,
        MaskGranularity.Kernel => unit % Hidden,
        _ => unit,
    };

    internal LayerMask ToLayerMask(RandomPair pair, bool[] kept)
    {
        if (kept.Length != Count)
            throw new ArgumentException($"layer {Layer}: the kept-units array needs {Count} entries (unit grid {string.Join(" x ", Shape)}); got {kept.Length}.", nameof(kept));
        int area = KernelSize * KernelSize, cin = pair.Target.InChannels;
        var v = new bool[pair.V.Length];
        var used = new bool[Hidden];
        for (int k = 0; k < kept.Length; k++)
        {
            if (!kept[k]) continue;
            if (!Live[k])
                throw new ArgumentException($"layer {Layer}: unit {k} is kept but not live (hidden channel {ChannelOf(k)} outputs zero whatever the mask).", nameof(kept));
            int i = ChannelOf(k);
            used[i] = true;
            switch (Granularity)
            {
                case MaskGranularity.Weight:
                    v[k] = true;
                    break;
                case MaskGranularity.Kernel:
                    Array.Fill(v, true, k * area, area);
                    break;
                default:
                    for (int j = 0; j < OutChannels; j++) Array.Fill(v, true, (j * Hidden + i) * area, area);
                    break;
            }
        }
        var u = new bool[Hidden * cin];
        for (int i = 0; i < Hidden; i++) if (used[i]) u[i * cin + pair.BlockOf(i)] = true;
        return new LayerMask(Hidden, cin, OutChannels, KernelSize, u, v);
    }

    internal bool[] Kept(LayerMask mask) => Granularity switch
    {
        MaskGranularity.Weight => (bool[])mask.V.Clone(),
        MaskGranularity.Kernel => Enumerable.Range(0, Count).Select(k => mask.KernelKept(k / Hidden, k % Hidden)).ToArray(),
        _ => Enumerable.Range(0, Count).Select(i => Enumerable.Range(0, OutChannels).Any(j => mask.KernelKept(j, i))).ToArray(),
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"layer {Layer}: {LiveCount:N0} live {Granularity.Describe()} of {Count:N0} ({LiveChannels} of {Hidden} hidden channels live), {WeightsPerUnit} weight(s) of V each";
}
