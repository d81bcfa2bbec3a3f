namespace LotteryTickets.SubsetSum;

/// <summary>
/// The vectors one random convolution pair offers to a target kernel (theory section 3). The pair is a 1×1
/// layer U (hidden channel i reads input channel t with weight u_i) followed by a layer V with kernels V[j,i] of
/// size k×k, all entries i.i.d. N(0,1). After the channel-blocked mask, hidden channel i contributes
/// |u_i|·V[j,i] to output channel j (on relu(X_t) when u_i &gt; 0, on relu(-X_t) when u_i &lt; 0). The vector of
/// channel i is |u_i|·vec(V[:, i]): the k×k kernels of the <see cref="OutputChannels"/> output channels,
/// flattened row-major over (j, a, b), so d = c_out·k². With one output channel this is the kernel variant
/// (d = k², e.g. 9 for 3×3); with all output channels stacked it is the filter variant.
/// <para>Since V is symmetric, |u_i|·V[:, i] has the same law as Z·W: these are NSN vectors
/// (<see cref="NsnSampler"/>). What the layer adds is the sign split: of n hidden channels only those with
/// u_i &gt; 0 are candidates for the target K[j,t] and only those with u_i &lt; 0 for -K[j,t], about n/2 each
/// (<see cref="SampleBlock"/>).</para>
/// Draw order per hidden channel: u_i, then V[j,i,a,b] in row-major order.
/// </summary>
public sealed class ConvolutionVectorSampler : VectorSampler
{
    /// <summary>Creates the sampler.</summary>
    /// <param name="kernelSize">The kernel size k (k×k kernels), between 1 and 64.</param>
    /// <param name="outputChannels">The output channels c_out whose kernels are stacked, between 1 and 4096 (1 = kernel variant).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public ConvolutionVectorSampler(int kernelSize, int outputChannels = 1) : base(DimensionOf(kernelSize, outputChannels))
    {
        KernelSize = kernelSize;
        OutputChannels = outputChannels;
    }

    /// <summary>The kernel size k.</summary>
    public int KernelSize { get; }

    /// <summary>The number of output channels c_out whose kernels make up one vector.</summary>
    public int OutputChannels { get; }

    /// <inheritdoc />
    /// <remarks>A number of its own: |u|·v is not the scalar N*N draw u·v.</remarks>
    public override int SeedConfiguration => 101;

    /// <inheritdoc />
    public override string Name => OutputChannels == 1
        ? $"Convolution {KernelSize}×{KernelSize} kernel (d = {Dimension})"
        : $"Convolution {KernelSize}×{KernelSize} filter, {OutputChannels} output channels (d = {Dimension})";

    /// <summary>
    /// Samples one block of <paramref name="hiddenChannels"/> hidden channels: the 1×1 weights u_i and the vectors
    /// |u_i|·vec(V[:, i]), split by the sign of u_i. The vectors are the same as <c>Sample(hiddenChannels, rng)</c>
    /// from the same generator state.
    /// </summary>
    /// <param name="hiddenChannels">Hidden channels n in the block, at least 0.</param>
    /// <param name="rng">The random source; it is advanced by the draw.</param>
    public ConvolutionCandidates SampleBlock(int hiddenChannels, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (hiddenChannels < 0)
            throw new ArgumentOutOfRangeException(nameof(hiddenChannels), hiddenChannels, $"hiddenChannels must be at least 0; got {hiddenChannels}.");
        var u = new double[hiddenChannels];
        var vectors = new double[hiddenChannels][];
        for (int i = 0; i < hiddenChannels; i++)
        {
            vectors[i] = new double[Dimension];
            u[i] = DrawChannel(vectors[i], rng);
        }
        return new ConvolutionCandidates(u, vectors);
    }

    /// <inheritdoc />
    protected override void Draw(Span<double> destination, Random rng) => DrawChannel(destination, rng);

    private static double DrawChannel(Span<double> destination, Random rng)
    {
        Span<double> u = stackalloc double[1];
        ScalarSampler.Fill(ValueDistribution.Normal, u, rng);
        ScalarSampler.Fill(ValueDistribution.Normal, destination, rng);
        double scale = Math.Abs(u[0]);
        for (int c = 0; c < destination.Length; c++) destination[c] = scale * destination[c];
        return u[0];
    }

    private static int DimensionOf(int kernelSize, int outputChannels)
    {
        if (kernelSize < 1 || kernelSize > 64)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, $"kernelSize must be between 1 and 64; got {kernelSize}.");
        if (outputChannels < 1 || outputChannels > 4096)
            throw new ArgumentOutOfRangeException(nameof(outputChannels), outputChannels, $"outputChannels must be between 1 and 4096; got {outputChannels}.");
        return outputChannels * kernelSize * kernelSize;
    }
}
