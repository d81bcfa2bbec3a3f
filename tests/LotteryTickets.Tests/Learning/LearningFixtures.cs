using LotteryTickets.Learning;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;

namespace LotteryTickets.Tests.Learning;

/// <summary>Tiny random networks and images for the learned-mask tests (every training here takes well under a second).</summary>
internal static class LearningFixtures
{
    /// <summary>Two layers on 8x8 images, 10 classes, padding and stride that must carry over, non-negative input.</summary>
    public static readonly TargetArchitecture TwoLayers = new(1, 8, [new ConvLayerSpec(1, 3, 3, 1, 1), new ConvLayerSpec(3, 10, 2, 2, 0)], InputNonNegative: true);

    /// <summary>The same with a signed first layer (its units use both signs of u).</summary>
    public static readonly TargetArchitecture TwoLayersSigned = TwoLayers with { InputNonNegative = false };

    public static readonly MaskGranularity[] Granularities = [MaskGranularity.Weight, MaskGranularity.Kernel, MaskGranularity.Channel];

    /// <summary>Images whose class lights one band of rows: learnable from a few hundred images.</summary>
    public static ImageSet Bands(int count, int seed, int side = 8)
    {
        var rng = new Random(seed);
        var pixels = new byte[count * side * side];
        var labels = new byte[count];
        for (int k = 0; k < count; k++)
        {
            labels[k] = (byte)rng.Next(10);
            for (int p = 0; p < side * side; p++)
                pixels[k * side * side + p] = (byte)((p * 10 / (side * side)) == labels[k] ? 180 + rng.Next(75) : rng.Next(50));
        }
        return new ImageSet(pixels, labels, side, 10);
    }

    /// <summary>A budget keeping about a quarter of each layer's live units.</summary>
    public static MaskBudget Quarter(RandomNetwork random, MaskGranularity granularity) => MaskBudget.FromDensity(UnitLayout.Of(random, granularity), 0.25);

    public static bool SameBits(TicketMask a, TicketMask b) =>
        a.Layers.Count == b.Layers.Count && a.Layers.Zip(b.Layers).All(p => p.First.U.AsSpan().SequenceEqual(p.Second.U) && p.First.V.AsSpan().SequenceEqual(p.Second.V));
}
