using LotteryTickets.Networks;

namespace LotteryTickets.Tests.Networks;

/// <summary>A fact that is skipped, with the reason, when the Fashion-MNIST files are not installed.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (!FashionMnist.IsAvailable())
            Skip = $"Fashion-MNIST files not found in {string.Join("; ", FashionMnist.SearchFolders())}. {FashionMnist.HowToGet}";
    }
}
