using LotteryTickets.Networks;

namespace LotteryTickets.Pruning;

/// <summary>
/// The random replacement of one target layer <c>K</c> of shape <c>(c_out, c_in, d, d)</c> (theory.md §3):
/// a 1x1 convolution <c>U</c> of shape <c>(m, c_in, 1, 1)</c> into <c>m = c_in * n</c> hidden channels, a ReLU,
/// then a <c>d x d</c> convolution <c>V</c> of shape <c>(c_out, m, d, d)</c> with the target's stride and padding
/// (and a ReLU unless it is the last layer). Entries are i.i.d. N(0, 1). Hidden channels are grouped into
/// blocks <c>B_t = {t n, ..., t n + n - 1}</c>, one block of <c>n</c> channels per input channel <c>t</c>.
/// </summary>
public sealed class RandomPair
{
    internal RandomPair(ConvLayerSpec target, int hiddenPerInput, bool last, float[] u, float[] v)
    {
        (Target, HiddenPerInput, IsLast, U, V) = (target, hiddenPerInput, last, u, v);
    }

    /// <summary>The target layer this pair replaces.</summary>
    public ConvLayerSpec Target { get; }

    /// <summary>Hidden channels per input channel, <c>n</c>.</summary>
    public int HiddenPerInput { get; }

    /// <summary>Hidden channels, <c>m = c_in * n</c>.</summary>
    public int Hidden => Target.InChannels * HiddenPerInput;

    /// <summary>Whether this pair replaces the last target layer (no ReLU after <c>V</c>).</summary>
    public bool IsLast { get; }

    /// <summary>The 1x1 weights, row-major <c>(m, c_in)</c>. Treat as read-only.</summary>
    public float[] U { get; }

    /// <summary>The d x d weights, row-major <c>(c_out, m, d, d)</c>. Treat as read-only.</summary>
    public float[] V { get; }

    /// <summary>The input channel <c>t</c> whose block holds hidden channel <paramref name="hidden"/>: <c>t = i / n</c>.</summary>
    public int BlockOf(int hidden) => hidden / HiddenPerInput;

    /// <summary>The weight the block mask keeps for hidden channel <c>i</c>: <c>u_i = U[i, t(i)]</c>.</summary>
    public float BlockWeight(int hidden) => U[hidden * Target.InChannels + BlockOf(hidden)];

    /// <summary>
    /// <c>U</c> transposed, as a <c>c_in x m</c> matrix (rows: input channels, columns: hidden channels, the layout of a heatmap
    /// with hidden channels along x), with only the entries <paramref name="keep"/> marks when given.
    /// </summary>
    public double[,] UMatrix(LayerMask? keep = null)
    {
        int cin = Target.InChannels;
        var result = new double[cin, Hidden];
        for (int i = 0; i < Hidden; i++)
            for (int t = 0; t < cin; t++)
                if (keep is null || keep.U[i * cin + t]) result[t, i] = U[i * cin + t];
        return result;
    }

    /// <summary>Weights of the pair, <c>m c_in + c_out m d^2</c> (the dense 1x1 layer counted in full).</summary>
    public long ParameterCount => (long)U.Length + V.Length;
}
