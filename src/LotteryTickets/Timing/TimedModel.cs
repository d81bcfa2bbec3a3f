using static TorchSharp.torch;

namespace LotteryTickets.Timing;

/// <summary>A model to time: a name, a TorchSharp module and the shape of one input image (without the batch dimension).</summary>
public sealed class TimedModel
{
    /// <summary>Creates the entry and checks the shape.</summary>
    /// <param name="name">Name shown in tables.</param>
    /// <param name="module">The module (its forward takes a batch of images).</param>
    /// <param name="imageShape">One image's shape, e.g. <c>[1, 28, 28]</c>.</param>
    /// <param name="isCopy">True when the module was built for timing only (changes such as flushing subnormals do not touch the caller's model).</param>
    public TimedModel(string name, nn.Module<Tensor, Tensor> module, IReadOnlyList<long> imageShape, bool isCopy = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(module);
        MacCounter.CheckImageShape(imageShape);
        (Name, Module, ImageShape, IsCopy) = (name, module, imageShape.ToArray(), isCopy);
    }

    /// <summary>Name shown in tables.</summary>
    public string Name { get; }

    /// <summary>The module.</summary>
    public nn.Module<Tensor, Tensor> Module { get; }

    /// <summary>One image's shape.</summary>
    public IReadOnlyList<long> ImageShape { get; }

    /// <summary>Whether the module is a copy made for timing.</summary>
    public bool IsCopy { get; }
}
