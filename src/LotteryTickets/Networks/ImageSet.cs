using static TorchSharp.torch;

namespace LotteryTickets.Networks;

/// <summary>
/// Labelled grey-scale images kept as bytes (a quarter of the memory of floats); batches are
/// converted to float tensors with pixels in [0, 1] when they are needed.
/// </summary>
public sealed class ImageSet
{
    /// <summary>Creates a set from row-major pixel bytes (<c>count * side * side</c>) and labels.</summary>
    public ImageSet(byte[] pixels, byte[] labels, int side, int classes)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (side < 1) throw new ArgumentOutOfRangeException(nameof(side), side, $"side must be positive; got {side}.");
        if (pixels.Length != (long)labels.Length * side * side)
            throw new ArgumentException($"{labels.Length} labels need {(long)labels.Length * side * side} pixel bytes of {side}x{side} images; got {pixels.Length}.", nameof(pixels));
        foreach (byte l in labels)
            if (l >= classes) throw new ArgumentException($"labels must be below {classes}; found {l}.", nameof(labels));
        (Pixels, Labels, Side, Classes) = (pixels, labels, side, classes);
    }

    /// <summary>Pixel bytes, image after image, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>Class label of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>Image side.</summary>
    public int Side { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The images with the given indices as a float tensor <c>(count, 1, side, side)</c>, pixels divided by 255 (so in [0, 1]).</summary>
    public Tensor Images(ReadOnlySpan<int> indices)
    {
        int area = Side * Side;
        var data = new float[indices.Length * area];
        for (int k = 0; k < indices.Length; k++)
        {
            int offset = indices[k] * area;
            for (int p = 0; p < area; p++) data[k * area + p] = Pixels[offset + p] / 255f;
        }
        return tensor(data, [indices.Length, 1, Side, Side]);
    }

    /// <summary>Images <c>start .. start + count - 1</c> as a float tensor with pixels in [0, 1].</summary>
    public Tensor Images(int start, int count) => Images(Enumerable.Range(start, count).ToArray());

    /// <summary>The labels with the given indices as an int64 tensor.</summary>
    public Tensor LabelTensor(ReadOnlySpan<int> indices)
    {
        var data = new long[indices.Length];
        for (int k = 0; k < indices.Length; k++) data[k] = Labels[indices[k]];
        return tensor(data);
    }

    /// <summary>The first <paramref name="count"/> images (or all when fewer): a cheap subset for quick experiments.</summary>
    public ImageSet Take(int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be positive; got {count}.");
        if (count >= Count) return this;
        int area = Side * Side;
        return new ImageSet(Pixels.AsSpan(0, count * area).ToArray(), Labels.AsSpan(0, count).ToArray(), Side, Classes);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Count} images of {Side}x{Side}, {Classes} classes";
}
