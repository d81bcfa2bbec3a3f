using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Pruning;

/// <summary>Tiny targets and helpers shared by the pruning tests (every construction here takes milliseconds).</summary>
internal static class PruningFixtures
{
    /// <summary>Two layers, signed input (the first layer needs both halves), strides and padding that must carry over.</summary>
    public static readonly TargetArchitecture Signed = new(2, 7, [new ConvLayerSpec(2, 2, 3, 1, 1), new ConvLayerSpec(2, 3, 2, 2, 0)], InputNonNegative: false);

    /// <summary>The same shapes with non-negative input (every layer needs only the positive half).</summary>
    public static readonly TargetArchitecture NonNegative = Signed with { InputNonNegative = true };

    /// <summary>One 2x2 layer, 2 -> 2 channels: small enough to brute-force every slice.</summary>
    public static readonly TargetArchitecture OneLayer = new(2, 5, [new ConvLayerSpec(2, 2, 2, 1, 0)], InputNonNegative: true);

    public static TargetCnn Target(TargetArchitecture architecture, int seed = 11, double maxAbs = 0.8) => TargetCnn.RandomUniform(architecture, seed, maxAbs);

    public static float[] Scores(ConvNetwork network, Tensor inputs) => NetworkEvaluation.Scores(network, inputs);

    public static double MaxAbsDifference(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second));

    public static double MaxAbs(float[] a) => a.Max(v => Math.Abs((double)v));

    /// <summary>A random channel-blocked mask: each hidden channel keeps its block's U entry with probability 1/2, each V entry with probability 1/2.</summary>
    public static TicketMask RandomBlockMask(RandomNetwork random, int seed, TicketVariant variant = TicketVariant.Unstructured)
    {
        var rng = new Random(seed);
        var layers = random.Pairs.Select(pair =>
        {
            var s = pair.Target;
            var u = new bool[pair.Hidden * s.InChannels];
            for (int i = 0; i < pair.Hidden; i++) u[i * s.InChannels + pair.BlockOf(i)] = rng.Next(2) == 0;
            var v = Enumerable.Range(0, pair.V.Length).Select(_ => rng.Next(2) == 0).ToArray();
            return new LayerMask(pair.Hidden, s.InChannels, s.OutChannels, s.KernelSize, u, v);
        }).ToList();
        return new TicketMask(variant, random.Target, random.HiddenPerInput, random.Seed, layers);
    }

    /// <summary>Best max-norm error over all subsets of <paramref name="vectors"/> by enumeration (the oracle).</summary>
    public static double BruteForce(IReadOnlyList<double[]> vectors, double[] goal)
    {
        double best = double.PositiveInfinity;
        for (long mask = 0; mask < 1L << vectors.Count; mask++)
        {
            double error = 0;
            for (int c = 0; c < goal.Length; c++)
            {
                double sum = 0;
                for (int k = 0; k < vectors.Count; k++) if ((mask >> k & 1) == 1) sum += vectors[k][c];
                error = Math.Max(error, Math.Abs(goal[c] - sum));
            }
            best = Math.Min(best, error);
        }
        return best;
    }
}
