namespace LotteryTickets.Pruning;

/// <summary>
/// The mask of one random pair: which entries of <c>U</c> (shape <c>(m, c_in)</c>) and of <c>V</c>
/// (shape <c>(c_out, m, d, d)</c>) are kept. <c>true</c> keeps the weight, <c>false</c> prunes it (sets it to zero).
/// The structured tickets keep whole kernels <c>V[j, i]</c> and a single entry per row of <c>U</c> (the block mask);
/// the unstructured baseline keeps individual entries of <c>V</c>.
/// </summary>
public sealed class LayerMask
{
    /// <summary>Creates a mask and checks the array lengths against the shape.</summary>
    public LayerMask(int hidden, int inChannels, int outChannels, int kernelSize, bool[] u, bool[] v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (hidden < 1 || inChannels < 1 || outChannels < 1 || kernelSize < 1)
            throw new ArgumentOutOfRangeException(nameof(hidden), $"mask dimensions must be positive; got m {hidden}, c_in {inChannels}, c_out {outChannels}, d {kernelSize}.");
        if (u.Length != (long)hidden * inChannels)
            throw new ArgumentException($"the U mask needs m * c_in = {(long)hidden * inChannels} entries; got {u.Length}.", nameof(u));
        if (v.Length != (long)outChannels * hidden * kernelSize * kernelSize)
            throw new ArgumentException($"the V mask needs c_out * m * d * d = {(long)outChannels * hidden * kernelSize * kernelSize} entries; got {v.Length}.", nameof(v));
        (Hidden, InChannels, OutChannels, KernelSize, U, V) = (hidden, inChannels, outChannels, kernelSize, u, v);
    }

    /// <summary>Hidden channels <c>m</c>.</summary>
    public int Hidden { get; }

    /// <summary>Input channels <c>c_in</c>.</summary>
    public int InChannels { get; }

    /// <summary>Output channels <c>c_out</c>.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel side <c>d</c>.</summary>
    public int KernelSize { get; }

    /// <summary>Kept entries of <c>U</c>, row-major <c>(m, c_in)</c>.</summary>
    public bool[] U { get; }

    /// <summary>Kept entries of <c>V</c>, row-major <c>(c_out, m, d, d)</c>.</summary>
    public bool[] V { get; }

    /// <summary>Whether any entry of kernel <c>V[j, i]</c> is kept.</summary>
    public bool KernelKept(int output, int hidden)
    {
        int area = KernelSize * KernelSize, offset = (output * Hidden + hidden) * area;
        for (int k = 0; k < area; k++) if (V[offset + k]) return true;
        return false;
    }

    /// <summary>
    /// Whether hidden channel <c>i</c> survives: some entry of its 1x1 filter <c>U[i, :]</c> and some weight of <c>V</c>
    /// reading it are kept. A channel failing either test contributes nothing and is removed by compaction.
    /// </summary>
    public bool ChannelUsed(int hidden)
    {
        bool inUsed = false;
        for (int t = 0; t < InChannels && !inUsed; t++) inUsed = U[hidden * InChannels + t];
        if (!inUsed) return false;
        for (int j = 0; j < OutChannels; j++) if (KernelKept(j, hidden)) return true;
        return false;
    }

    /// <summary>A <c>c_out x m</c> matrix with 1 where kernel <c>V[j, i]</c> keeps at least one entry, else 0 (for heatmaps).</summary>
    public double[,] KeptKernelMatrix()
    {
        var result = new double[OutChannels, Hidden];
        for (int j = 0; j < OutChannels; j++)
            for (int i = 0; i < Hidden; i++) result[j, i] = KernelKept(j, i) ? 1 : 0;
        return result;
    }

    /// <summary>Indices of the hidden channels that survive, ascending.</summary>
    public int[] UsedChannels() => Enumerable.Range(0, Hidden).Where(ChannelUsed).ToArray();
}
