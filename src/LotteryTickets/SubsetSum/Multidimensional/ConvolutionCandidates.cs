using System.Globalization;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// One block of hidden channels of a random convolution pair, seen as subset-sum candidates
/// (<see cref="ConvolutionVectorSampler.SampleBlock"/>): the 1×1 weights u_i and the vectors |u_i|·vec(V[:, i]).
/// Channels with u_i &gt; 0 (<see cref="PositiveChannels"/>) can build the target kernel K[j,t] (they act on
/// relu(X_t)); channels with u_i &lt; 0 (<see cref="NegativeChannels"/>) can build -K[j,t] (they act on relu(-X_t)).
/// </summary>
/// <param name="U">The 1×1 weights u_i of the block's hidden channels.</param>
/// <param name="Vectors">The vectors |u_i|·vec(V[:, i]), one per hidden channel.</param>
public sealed record ConvolutionCandidates(double[] U, double[][] Vectors)
{
    /// <summary>Hidden channels with u_i &gt; 0, ascending.</summary>
    public int[] PositiveChannels { get; } = Enumerable.Range(0, U.Length).Where(i => U[i] > 0).ToArray();

    /// <summary>Hidden channels with u_i &lt; 0, ascending.</summary>
    public int[] NegativeChannels { get; } = Enumerable.Range(0, U.Length).Where(i => U[i] < 0).ToArray();

    /// <summary>The vectors of the positive channels (candidates for +K), in channel order.</summary>
    public double[][] Positive => PositiveChannels.Select(i => Vectors[i]).ToArray();

    /// <summary>The vectors of the negative channels (candidates for -K), in channel order.</summary>
    public double[][] Negative => NegativeChannels.Select(i => Vectors[i]).ToArray();

    /// <summary>Reads like "12 hidden channels: 7 with u &gt; 0, 5 with u &lt; 0 (d = 9)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{U.Length} hidden channels: {PositiveChannels.Length} with u > 0, {NegativeChannels.Length} with u < 0 (d = {(Vectors.Length > 0 ? Vectors[0].Length : 0)})");
}
