using LotteryTickets.Networks;

namespace LotteryTickets.Tests.Networks;

public sealed class KernelMosaicTests
{
    [Fact]
    public void PlacesEveryKernelEntryAndLeavesGapsEmpty()
    {
        var spec = new ConvLayerSpec(2, 3, 2);
        var a = Enumerable.Range(0, spec.WeightCount).Select(i => (double)i).ToArray();
        var b = a.Select(v => -v).ToArray();
        var mosaic = KernelMosaic.Tile(spec, a, b);
        // 3 outputs of 2 rows with 1 gap row between; 2 panels of 2 inputs x 2 columns with 1 gap column, 2 columns between panels.
        Assert.Equal(3 * 3 - 1, mosaic.GetLength(0));
        Assert.Equal(2 * 5 + 2, mosaic.GetLength(1));
        for (int j = 0; j < 3; j++)
            for (int t = 0; t < 2; t++)
            {
                var kernel = spec.KernelOf(a, j, t);
                for (int r = 0; r < 2; r++)
                    for (int c = 0; c < 2; c++)
                    {
                        Assert.Equal(kernel[r, c], mosaic[j * 3 + r, t * 3 + c]);
                        Assert.Equal(-kernel[r, c], mosaic[j * 3 + r, 7 + t * 3 + c]);
                    }
            }
        Assert.True(double.IsNaN(mosaic[2, 0]) && double.IsNaN(mosaic[0, 2]) && double.IsNaN(mosaic[0, 5]));
        Assert.Equal(2 * spec.WeightCount, mosaic.Cast<double>().Count(v => !double.IsNaN(v)));
        Assert.Throws<ArgumentException>(() => KernelMosaic.Tile(spec, new double[5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => spec.KernelOf(a, 3, 0));
    }
}
