using System.Text.Json.Serialization;

namespace LotteryTickets.Networks;

/// <summary>
/// The architecture of a target CNN as the construction covers it end to end: bias-free
/// convolutions, a ReLU after every convolution but the last, and global average pooling of the
/// last convolution's channels into class scores. The network computes
/// <c>f(X) = GAP(K_L * relu(K_{L-1} * ... relu(K_1 * X)))</c>.
/// </summary>
/// <param name="InputChannels">Channels of the input image (1 for Fashion-MNIST).</param>
/// <param name="ImageSize">Side of the square input image (28 for Fashion-MNIST).</param>
/// <param name="Layers">The convolutions in order; the last one's output channels are the classes.</param>
/// <param name="InputNonNegative">
/// True when inputs are non-negative (raw pixels in [0, 1]). Then the first layer, like every layer
/// after a ReLU, only needs the positive half of each block (theory.md §3, step 5); with signed inputs
/// the first layer needs both halves and the relu(X) - relu(-X) split.
/// </param>
public sealed record TargetArchitecture(int InputChannels, int ImageSize, IReadOnlyList<ConvLayerSpec> Layers, bool InputNonNegative)
{
    /// <summary>Largest number of layers accepted.</summary>
    public const int MaxLayers = 32;

    /// <summary>Largest image side accepted.</summary>
    public const int MaxImageSize = 1024;

    /// <summary>
    /// The 2x2 target for Fashion-MNIST (<see cref="CommittedTargets.FashionMnist2x2"/>): 1→8 (2x2), 8→16 (2x2, stride 2),
    /// 16→16 (2x2, stride 2), 16→10 (2x2), global average pooling; inputs are raw pixels in [0, 1]. With d = 2 each
    /// kernel-variant subset-sum instance lives in dimension D = d² = 4, where an exact search over 32 channels reaches
    /// η ≈ 0.02 and the construction takes seconds. It was the default before the 3x3 target (<see cref="FashionMnistDefault"/>).
    /// </summary>
    public static TargetArchitecture FashionMnist2x2 { get; } = new(1, 28,
    [
        new ConvLayerSpec(1, 8, 2, 1, 0),
        new ConvLayerSpec(8, 16, 2, 2, 0),
        new ConvLayerSpec(16, 16, 2, 2, 0),
        new ConvLayerSpec(16, 10, 2, 1, 0),
    ], InputNonNegative: true);

    /// <summary>The default target's architecture: <see cref="FashionMnist3x3"/> (<see cref="CommittedTargets.Default"/>, loaded by <see cref="TargetFile.LoadDefault"/>).</summary>
    public static TargetArchitecture FashionMnistDefault => FashionMnist3x3;

    /// <summary>
    /// The default target's architecture (<see cref="CommittedTargets.FashionMnist3x3"/>): five 3x3 convolutions
    /// 1→6→12→16→16→10 with strides 1, 2, 1, 2, 1 and no padding (feature maps 26, 12, 10, 4, 2), then global average
    /// pooling; 6,174 weights in 686 kernel slices, so each kernel-variant instance lives in dimension 9.
    /// docs/construction.md §1 compares the candidates it was chosen from (padding and wider early layers did worse
    /// or cost more).
    /// </summary>
    public static TargetArchitecture FashionMnist3x3 { get; } = new(1, 28,
    [
        new ConvLayerSpec(1, 6, 3, 1, 0),
        new ConvLayerSpec(6, 12, 3, 2, 0),
        new ConvLayerSpec(12, 16, 3, 1, 0),
        new ConvLayerSpec(16, 16, 3, 2, 0),
        new ConvLayerSpec(16, 10, 3, 1, 0),
    ], InputNonNegative: true);

    /// <summary>Number of kernel slices, <c>sum over layers of c_out * c_in</c>: one kernel-variant subset-sum instance each (per sign of the input).</summary>
    [JsonIgnore]
    public int SliceCount => Layers.Sum(l => l.OutChannels * l.InChannels);

    /// <summary>Number of classes (the last layer's output channels).</summary>
    [JsonIgnore]
    public int Classes => Layers[^1].OutChannels;

    /// <summary>Total number of weights.</summary>
    [JsonIgnore]
    public int WeightCount => Layers.Sum(l => l.WeightCount);

    /// <summary>Whether layer <paramref name="layer"/> sees only non-negative inputs (after a ReLU, or raw pixels for the first layer).</summary>
    public bool LayerInputNonNegative(int layer) => layer > 0 || InputNonNegative;

    /// <summary>Side of the input of layer <paramref name="layer"/> (the image side for layer 0).</summary>
    public int InputSizeOf(int layer)
    {
        int size = ImageSize;
        for (int l = 0; l < layer; l++) size = Layers[l].OutputSize(size);
        return size;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when layers do not chain or an output would be empty.</summary>
    public void Validate(string parameterName = "architecture")
    {
        if (Layers is null || Layers.Count < 1 || Layers.Count > MaxLayers)
            throw new ArgumentException($"{parameterName}: the number of layers must be between 1 and {MaxLayers}; got {Layers?.Count ?? 0}.", parameterName);
        if (InputChannels < 1 || InputChannels > ConvLayerSpec.MaxChannels)
            throw new ArgumentOutOfRangeException(parameterName, InputChannels, $"InputChannels must be between 1 and {ConvLayerSpec.MaxChannels}; got {InputChannels}.");
        if (ImageSize < 1 || ImageSize > MaxImageSize)
            throw new ArgumentOutOfRangeException(parameterName, ImageSize, $"ImageSize must be between 1 and {MaxImageSize}; got {ImageSize}.");
        int channels = InputChannels, size = ImageSize;
        for (int l = 0; l < Layers.Count; l++)
        {
            var layer = Layers[l];
            layer.Validate($"{parameterName}.Layers[{l}]");
            if (layer.InChannels != channels)
                throw new ArgumentException($"{parameterName}: layer {l} ({layer}) expects {layer.InChannels} input channels but receives {channels}.", parameterName);
            if (size + 2 * layer.Padding < layer.KernelSize)
                throw new ArgumentException($"{parameterName}: layer {l} ({layer}) gets a {size}x{size} input, smaller than its {layer.KernelSize}x{layer.KernelSize} kernel.", parameterName);
            size = layer.OutputSize(size);
            channels = layer.OutChannels;
        }
    }

    /// <summary>True when both architectures have the same input, layers and input domain (records compare lists by reference, this compares them by value).</summary>
    public bool SameAs(TargetArchitecture other) =>
        InputChannels == other.InputChannels && ImageSize == other.ImageSize && InputNonNegative == other.InputNonNegative &&
        Layers.Count == other.Layers.Count && Layers.Zip(other.Layers).All(p => p.First == p.Second);

    /// <inheritdoc />
    public override string ToString() =>
        $"{InputChannels}x{ImageSize}x{ImageSize} ({(InputNonNegative ? "non-negative" : "signed")} input) -> " + string.Join(" -> ", Layers) + " -> GAP";
}
