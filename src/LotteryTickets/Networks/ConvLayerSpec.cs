using System.Text.Json.Serialization;

namespace LotteryTickets.Networks;

/// <summary>
/// The shape of one bias-free convolution of a target network: <c>OutChannels</c> filters of shape
/// <c>(InChannels, KernelSize, KernelSize)</c>, applied with the given stride and zero padding.
/// Its kernel tensor <c>K</c> has shape <c>(c_out, c_in, d, d)</c>, the notation of the paper's Section 3.
/// </summary>
/// <param name="InChannels">Input channels <c>c_in</c>.</param>
/// <param name="OutChannels">Output channels <c>c_out</c> (filters).</param>
/// <param name="KernelSize">Kernel side <c>d</c> (square kernels).</param>
/// <param name="Stride">Stride of the convolution (the same in both directions).</param>
/// <param name="Padding">Zero padding on every side.</param>
public sealed record ConvLayerSpec(int InChannels, int OutChannels, int KernelSize, int Stride = 1, int Padding = 0)
{
    /// <summary>Largest channel count accepted for one layer (a guard against typos that would allocate gigabytes).</summary>
    public const int MaxChannels = 4096;

    /// <summary>Largest kernel side accepted.</summary>
    public const int MaxKernelSize = 15;

    /// <summary>Number of weights <c>c_out * c_in * d * d</c>.</summary>
    [JsonIgnore]
    public int WeightCount => OutChannels * InChannels * KernelSize * KernelSize;

    /// <summary>Entries of one kernel, <c>d * d</c> (the dimension of one kernel-variant subset-sum instance).</summary>
    [JsonIgnore]
    public int KernelArea => KernelSize * KernelSize;

    /// <summary>Side of the output for a square input of side <paramref name="inputSize"/>: <c>floor((s + 2p - d) / stride) + 1</c>.</summary>
    public int OutputSize(int inputSize) => (inputSize + 2 * Padding - KernelSize) / Stride + 1;

    /// <summary>Kernel <c>W[j, t]</c> of a row-major <c>(c_out, c_in, d, d)</c> weight array as a <c>d x d</c> matrix (rows a, columns b).</summary>
    public double[,] KernelOf(IReadOnlyList<float> weights, int output, int input) => KernelOf(i => weights[i], weights.Count, output, input);

    /// <summary>Kernel <c>W[j, t]</c> of a row-major <c>(c_out, c_in, d, d)</c> weight array as a <c>d x d</c> matrix (rows a, columns b).</summary>
    public double[,] KernelOf(IReadOnlyList<double> weights, int output, int input) => KernelOf(i => weights[i], weights.Count, output, input);

    private double[,] KernelOf(Func<int, double> at, int count, int output, int input)
    {
        if (count != WeightCount) throw new ArgumentException($"weights must have {WeightCount} entries for {this}; got {count}.", nameof(count));
        if (output < 0 || output >= OutChannels) throw new ArgumentOutOfRangeException(nameof(output), output, $"output must be between 0 and {OutChannels - 1}; got {output}.");
        if (input < 0 || input >= InChannels) throw new ArgumentOutOfRangeException(nameof(input), input, $"input must be between 0 and {InChannels - 1}; got {input}.");
        var result = new double[KernelSize, KernelSize];
        int offset = (output * InChannels + input) * KernelArea;
        for (int a = 0; a < KernelSize; a++)
            for (int b = 0; b < KernelSize; b++) result[a, b] = at(offset + a * KernelSize + b);
        return result;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field when the shape is not usable.</summary>
    /// <param name="parameterName">Name reported in the exception.</param>
    public void Validate(string parameterName = "layer")
    {
        if (InChannels < 1 || InChannels > MaxChannels)
            throw new ArgumentOutOfRangeException(parameterName, InChannels, $"InChannels must be between 1 and {MaxChannels}; got {InChannels}.");
        if (OutChannels < 1 || OutChannels > MaxChannels)
            throw new ArgumentOutOfRangeException(parameterName, OutChannels, $"OutChannels must be between 1 and {MaxChannels}; got {OutChannels}.");
        if (KernelSize < 1 || KernelSize > MaxKernelSize)
            throw new ArgumentOutOfRangeException(parameterName, KernelSize, $"KernelSize must be between 1 and {MaxKernelSize}; got {KernelSize}.");
        if (Stride < 1 || Stride > KernelSize + 8)
            throw new ArgumentOutOfRangeException(parameterName, Stride, $"Stride must be between 1 and {KernelSize + 8}; got {Stride}.");
        if (Padding < 0 || Padding >= KernelSize)
            throw new ArgumentOutOfRangeException(parameterName, Padding, $"Padding must be between 0 and KernelSize - 1 = {KernelSize - 1}; got {Padding}.");
    }

    /// <inheritdoc />
    public override string ToString() => $"conv {InChannels}->{OutChannels} {KernelSize}x{KernelSize} stride {Stride} pad {Padding}";
}
