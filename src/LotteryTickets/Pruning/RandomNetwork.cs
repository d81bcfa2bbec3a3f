using LotteryTickets.Networks;
using LotteryTickets.Workbook;
using MathNet.Numerics.Distributions;
using LotteryTickets.Statistics;

namespace LotteryTickets.Pruning;

/// <summary>
/// The random over-parameterized CNN of the paper for a target architecture: every target layer is
/// replaced by a <see cref="RandomPair"/> (1x1 convolution into <c>n_l</c> hidden channels per input channel,
/// ReLU, <c>d x d</c> convolution to the target's output channels with the target's stride and padding, ReLU),
/// all weights i.i.d. N(0, 1) drawn from the seed. It is never trained: a ticket is a mask on it.
/// </summary>
public sealed class RandomNetwork
{
    /// <summary>Largest total number of random weights accepted (200 M floats = 800 MB).</summary>
    public const long MaxWeights = 200_000_000;

    /// <summary>Smallest accepted <c>n</c>: with fewer than 2 hidden channels per input channel a block usually has no channel of the needed sign.</summary>
    public const int MinHiddenPerInput = 2;

    private RandomNetwork(TargetArchitecture target, IReadOnlyList<int> hiddenPerInput, int seed, IReadOnlyList<RandomPair> pairs) =>
        (Target, HiddenPerInput, Seed, Pairs) = (target, hiddenPerInput, seed, pairs);

    /// <summary>The target architecture this network over-parameterizes.</summary>
    public TargetArchitecture Target { get; }

    /// <summary>Hidden channels per input channel, <c>n_l</c>, for each layer.</summary>
    public IReadOnlyList<int> HiddenPerInput { get; }

    /// <summary>The seed the weights were drawn from.</summary>
    public int Seed { get; }

    /// <summary>One random pair per target layer.</summary>
    public IReadOnlyList<RandomPair> Pairs { get; }

    /// <summary>Total weights.</summary>
    public long ParameterCount => Pairs.Sum(p => p.ParameterCount);

    /// <summary>Over-parameterization factor: this network's weights divided by the target's.</summary>
    public double OverParameterization => (double)ParameterCount / Target.WeightCount;

    /// <summary>Creates the random network with the same <paramref name="hiddenPerInput"/> in every layer.</summary>
    public static RandomNetwork Create(TargetArchitecture target, int hiddenPerInput, int seed)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Create(target, Enumerable.Repeat(hiddenPerInput, target.Layers.Count).ToArray(), seed);
    }

    /// <summary>
    /// Creates the random network with <paramref name="hiddenPerInput"/>[l] hidden channels per input channel in layer l.
    /// Layer l's weights come from <c>Seeds.Rng(seed, l, 0)</c> (U) and <c>Seeds.Rng(seed, l, 1)</c> (V), so one layer's
    /// weights do not change when another layer's n changes.
    /// </summary>
    public static RandomNetwork Create(TargetArchitecture target, IReadOnlyList<int> hiddenPerInput, int seed)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(hiddenPerInput);
        target.Validate(nameof(target));
        if (hiddenPerInput.Count != target.Layers.Count)
            throw new ArgumentException($"hiddenPerInput needs one entry per target layer ({target.Layers.Count}); got {hiddenPerInput.Count}.", nameof(hiddenPerInput));
        long total = 0;
        for (int l = 0; l < target.Layers.Count; l++)
        {
            var s = target.Layers[l];
            int n = hiddenPerInput[l];
            if (n < MinHiddenPerInput || n > ConvLayerSpec.MaxChannels)
                throw new ArgumentOutOfRangeException(nameof(hiddenPerInput), n,
                    $"hiddenPerInput[{l}] (n) must be between {MinHiddenPerInput} and {ConvLayerSpec.MaxChannels}; got {n}. With fewer than {MinHiddenPerInput} channels per block there is usually no channel of the needed sign, so no subset can make progress.");
            long m = (long)s.InChannels * n;
            total += m * s.InChannels + s.OutChannels * m * s.KernelArea;
        }
        if (total > MaxWeights)
            throw new ArgumentOutOfRangeException(nameof(hiddenPerInput), total,
                $"the random network would have {total:N0} weights, above RandomNetwork.MaxWeights = {MaxWeights:N0}; choose a smaller n.");

        var pairs = new RandomPair[target.Layers.Count];
        Parallel.For(0, pairs.Length, l =>
        {
            var s = target.Layers[l];
            int m = s.InChannels * hiddenPerInput[l];
            pairs[l] = new RandomPair(s, hiddenPerInput[l], l == pairs.Length - 1,
                Gaussian(m * s.InChannels, Seeds.Rng(seed, l, 0)), Gaussian(s.OutChannels * m * s.KernelArea, Seeds.Rng(seed, l, 1)));
        });
        return new RandomNetwork(target, hiddenPerInput.ToArray(), seed, pairs);
    }

    private static float[] Gaussian(int count, Random rng)
    {
        var values = new double[count];
        Normal.Samples(rng, values, 0, 1);
        return Array.ConvertAll(values, v => (float)v);
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless this network was built for <paramref name="architecture"/>.</summary>
    public void CheckCompatible(TargetArchitecture architecture, string parameterName = "random")
    {
        if (!Target.SameAs(architecture))
            throw new ArgumentException(
                $"the random network was built for target {Target}, which does not match {architecture}: every target layer needs its own random pair with the same channels, kernel, stride and padding.",
                parameterName);
    }

    /// <summary>The full (unpruned) random network as a <see cref="ConvNetwork"/>: dense 1x1 and d x d convolutions.</summary>
    public ConvNetwork ToNetwork(string name = "random") => TicketMask.Apply(this, null, name);

    /// <inheritdoc />
    public override string ToString() =>
        $"random network (seed {Seed}, n = [{string.Join(", ", HiddenPerInput)}]): {ParameterCount:N0} weights, {OverParameterization:F1}x the target";
}
