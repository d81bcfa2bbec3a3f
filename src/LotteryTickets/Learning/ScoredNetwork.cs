using LotteryTickets.Pruning;
using LotteryTickets.Workbook;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Learning;

/// <summary>
/// The random network with one trainable score per unit and its weights frozen: the network edge-popup trains.
/// Forward pass: in each layer the top-k units by score form the hard mask M (<see cref="TopK"/>), and the
/// straight-through estimator <c>M + (s − s.detach())</c> makes the gradient of the loss with respect to each score equal
/// its gradient with respect to the unit's mask value (the sum over the unit's weights).
/// <para>
/// The masked pair is computed in its folded form (theory.md §3.7), which is the same function: on an input that is never
/// negative, a kept hidden channel i with u_i &gt; 0 outputs u_i·X_t (the ReLU does nothing), so the pair's output is one
/// d x d convolution with kernel <c>K̂[j, t] = Σ_{i ∈ B_t} u_i (M ⊙ V)[j, i]</c>; with a signed input, relu(X) and relu(−X)
/// take the channels with u_i &gt; 0 and u_i &lt; 0. A step therefore costs about what a step of the target costs, plus a
/// weighted sum over the random weights, instead of a pass through the wide random network; the tests check that the
/// output equals the masked random network's.
/// </para>
/// <para>
/// Each layer's weights are multiplied by a constant <c>c_l = sqrt(2·c_out / kept weights of V)</c> (He's scaling for the
/// layer as the budget leaves it: the random weights are N(0, 1), so a mask keeping w weights per output gives outputs
/// about sqrt(w) times its inputs, and class scores in the thousands after a few layers, where cross-entropy saturates).
/// The network has no biases and its ReLUs are positively homogeneous, so the scaled network's class scores are the
/// masked random network's times <see cref="OutputScale"/> = Π c_l: the same predictions, only the loss is computed at a
/// temperature where its gradients carry information. Edge-popup scales its random weights for the same reason.
/// </para>
/// </summary>
internal sealed class ScoredNetwork : IDisposable
{
    private readonly ScoredLayer[] _layers;

    public ScoredNetwork(UnitLayout layout, MaskBudget budget, int seed)
    {
        budget.CheckFits(layout);
        Layout = layout;
        Budget = budget;
        _layers = layout.Layers.Select(l => new ScoredLayer(layout.Random, l, budget.UnitsPerLayer[l.Layer], seed)).ToArray();
    }

    public UnitLayout Layout { get; }

    public MaskBudget Budget { get; }

    /// <summary>The factor between this network's class scores and the masked random network's: the product of the layers' scales.</summary>
    public double OutputScale => _layers.Aggregate(1.0, (product, l) => product * l.Scale);

    /// <summary>The score tensors, one per layer (leaves with gradients).</summary>
    public IReadOnlyList<Tensor> Scores => _layers.Select(l => l.Scores).ToArray();

    /// <summary>Class scores <c>(batch, classes)</c> of the masked random network for images <c>(batch, c, side, side)</c>, with the straight-through gradient to the scores.</summary>
    public Tensor Forward(Tensor images)
    {
        Tensor x = images;
        foreach (var layer in _layers) x = layer.Forward(x);
        return x.mean([2L, 3L]);
    }

    /// <summary>The current hard masks: the top-k units of each layer.</summary>
    public bool[][] KeptUnits() => _layers.Select(l => l.KeptUnits()).ToArray();

    /// <summary>The current scores as arrays, one per layer (row-major over the unit grid).</summary>
    public float[][] ScoreValues() => _layers.Select(l => l.ScoreValues()).ToArray();

    public void Dispose()
    {
        foreach (var l in _layers) l.Dispose();
    }

    /// <summary>The initial scores of layer <paramref name="layer"/>: one uniform number in [0, 1) per unit, from the seed.</summary>
    internal static float[] InitialScores(int seed, int layer, int count)
    {
        var rng = Seeds.Rng(seed, ScoreStream, layer);
        var scores = new float[count];
        for (int k = 0; k < count; k++) scores[k] = (float)rng.NextDouble();
        return scores;
    }

    /// <summary>The stream of <see cref="Seeds"/> the initial scores come from (batch order uses <see cref="OrderStream"/>).</summary>
    internal const int ScoreStream = 1401, OrderStream = 1402;

    private sealed class ScoredLayer : IDisposable
    {
        private readonly LayerUnits _units;
        private readonly Tensor _positive, _live;
        private readonly Tensor? _negative;
        private readonly long[] _unitView, _foldView, _stride, _padding;
        private readonly long _k;
        private readonly bool _relu;

        public ScoredLayer(RandomNetwork random, LayerUnits units, int k, int seed)
        {
            _units = units;
            _k = k;
            var pair = random.Pairs[units.Layer];
            var s = pair.Target;
            int area = s.KernelArea, m = pair.Hidden;
            bool nonNegative = random.Target.LayerInputNonNegative(units.Layer);
            Scale = Math.Sqrt(2.0 * s.OutChannels / ((double)k * units.WeightsPerUnit));
            float scale = (float)Scale;
            // |u_i|·V[j, i] for the channels each half uses: u_i > 0 multiplies relu(X), u_i < 0 relu(-X) (absent when X >= 0).
            var positive = new float[pair.V.Length];
            float[]? negative = nonNegative ? null : new float[pair.V.Length];
            for (int j = 0; j < s.OutChannels; j++)
                for (int i = 0; i < m; i++)
                {
                    float u = pair.BlockWeight(i);
                    float[]? into = u > 0 ? positive : negative;
                    if (into is null || u == 0) continue;
                    int offset = (j * m + i) * area;
                    for (int e = 0; e < area; e++) into[offset + e] = scale * Math.Abs(u) * pair.V[offset + e];
                }
            long[] shape = [s.OutChannels, m, s.KernelSize, s.KernelSize];
            _positive = tensor(positive, shape).DetachFromDisposeScope();
            _negative = negative is null ? null : tensor(negative, shape).DetachFromDisposeScope();
            _live = tensor(units.Live, units.Shape.Select(d => (long)d).ToArray()).DetachFromDisposeScope();
            Scores = tensor(InitialScores(seed, units.Layer, units.Count), units.Shape.Select(d => (long)d).ToArray()).requires_grad_(true).DetachFromDisposeScope();
            _unitView = units.Granularity switch
            {
                MaskGranularity.Weight => shape,
                MaskGranularity.Kernel => [s.OutChannels, m, 1, 1],
                _ => [1, m, 1, 1],
            };
            _foldView = [s.OutChannels, s.InChannels, pair.HiddenPerInput, s.KernelSize, s.KernelSize];
            _stride = [s.Stride, s.Stride];
            _padding = [s.Padding, s.Padding];
            _relu = !pair.IsLast;
        }

        public Tensor Scores { get; }

        public double Scale { get; }

        public Tensor Forward(Tensor x)
        {
            using var one = (Scalar)1.0;
            var hard = TopK.Mask(Scores, _live, _units.LiveCount, _k);
            // Straight-through: the value is the hard mask, the gradient reaches the scores unchanged.
            var mask = hard.add(Scores.sub(Scores.detach()), one).view(_unitView);
            var kernel = Fold(_positive, mask);
            Tensor y;
            if (_negative is null) y = nn.functional.conv2d(x, kernel, null, _stride, _padding);
            else
            {
                var input = cat([nn.functional.relu(x), nn.functional.relu(x.neg())], 1);
                y = nn.functional.conv2d(input, cat([kernel, Fold(_negative, mask)], 1), null, _stride, _padding);
            }
            return _relu ? y.relu() : y;
        }

        // Σ over the n hidden channels of each block of (mask ⊙ |u|V): (c_out, m, d, d) -> (c_out, c_in, d, d).
        private Tensor Fold(Tensor weights, Tensor mask) => weights.mul(mask).view(_foldView).sum(2);

        public bool[] KeptUnits()
        {
            using var scope = NewDisposeScope();
            var hard = TopK.Mask(Scores, _live, _units.LiveCount, _k);
            return hard.reshape(-1).data<float>().ToArray().Select(v => v != 0).ToArray();
        }

        public float[] ScoreValues()
        {
            using var detached = Scores.detach().reshape(-1).contiguous();
            return detached.data<float>().ToArray();
        }

        public void Dispose()
        {
            _positive.Dispose();
            _negative?.Dispose();
            _live.Dispose();
            Scores.Dispose();
        }
    }
}
