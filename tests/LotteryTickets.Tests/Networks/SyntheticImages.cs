using LotteryTickets.Networks;

namespace LotteryTickets.Tests.Networks;

/// <summary>Small labelled images whose class is written into their brightness pattern: learnable in a few steps, no dataset needed.</summary>
internal static class SyntheticImages
{
    /// <summary><paramref name="count"/> images of <paramref name="side"/> x <paramref name="side"/> pixels in 10 classes; class c lights the c-th tenth of the pixels (side at least 4).</summary>
    public static ImageSet Create(int count, int seed, int side = 28)
    {
        var rng = new Random(seed);
        int area = side * side;
        var pixels = new byte[count * area];
        var labels = new byte[count];
        for (int k = 0; k < count; k++)
        {
            labels[k] = (byte)rng.Next(10);
            for (int p = 0; p < area; p++) pixels[k * area + p] = (byte)(p / (area / 10) == labels[k] ? 200 + rng.Next(55) : rng.Next(40));
        }
        return new ImageSet(pixels, labels, side, 10);
    }
}
