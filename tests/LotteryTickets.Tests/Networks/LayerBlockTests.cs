using LotteryTickets.Networks;

namespace LotteryTickets.Tests.Networks;

public sealed class LayerBlockTests
{
    [Fact]
    public void ABlockHoldsTheLayersFirstKernelsAsAOneLayerTarget()
    {
        var target = TargetCnn.RandomUniform(TargetArchitecture.FashionMnist3x3, seed: 4);
        var block = target.LayerBlock(1, outChannels: 3, inChannels: 2, signedInput: true);
        var layer = Assert.Single(block.Architecture.Layers);
        Assert.Equal((2, 3, 3, 1, 0), (layer.InChannels, layer.OutChannels, layer.KernelSize, layer.Stride, layer.Padding));
        Assert.False(block.Architecture.InputNonNegative);
        Assert.Equal(3, block.Architecture.ImageSize);
        for (int j = 0; j < 3; j++)
            for (int t = 0; t < 2; t++)
                Assert.Equal(target.Kernel(1, j, t), block.Kernel(0, j, t));
        Assert.True(target.LayerBlock(0, 6, 1).Architecture.InputNonNegative);
    }

    [Theory]
    [InlineData(5, 1, 1, "layer")]
    [InlineData(1, 13, 1, "outChannels")]
    [InlineData(1, 1, 0, "inChannels")]
    public void BlocksOutsideTheTargetAreRefusedNamingTheParameter(int layer, int outChannels, int inChannels, string parameter)
    {
        var target = TargetCnn.RandomUniform(TargetArchitecture.FashionMnist3x3, seed: 4);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => target.LayerBlock(layer, outChannels, inChannels));
        Assert.Equal(parameter, e.ParamName);
    }
}
