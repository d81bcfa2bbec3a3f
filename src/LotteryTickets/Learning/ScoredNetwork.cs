using LotteryTickets.Pruning;
using LotteryTickets.Workbook;
using TorchSharp;
using static TorchSharp.torch;
using LotteryTickets.Statistics;

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

    /// <summary>The gradients accumulated in the scores, one array per layer over the whole unit grid (0 for units that are not live).</summary>
    public float[][] ScoreGradients() => _layers.Select(l => l.GradientValues()).ToArray();

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
        private readonly float[] _initialScores;
        private readonly int[] _liveUnits;
        private readonly Tensor _weights, _columns;
        private readonly long[] _unitView, _kernelShape, _stride, _padding;
        private readonly long _k;
        private readonly bool _signed, _relu;

        // Only live hidden channels are held (about half of them when the input is never negative): the others output zero
        // whatever the mask, so leaving them out changes neither the function nor the gradients, and halves every step.
        public ScoredLayer(RandomNetwork random, LayerUnits units, int k, int seed)
        {
            _units = units;
            _k = k;
            var pair = random.Pairs[units.Layer];
            var s = pair.Target;
            int area = s.KernelArea, m = pair.Hidden, cout = s.OutChannels;
            _signed = !random.Target.LayerInputNonNegative(units.Layer);
            Scale = Math.Sqrt(2.0 * cout / ((double)k * units.WeightsPerUnit));
            int[] live = Enumerable.Range(0, m).Where(units.IsLiveChannel).ToArray();
            int mLive = live.Length;
            // c·|u_i|·V[j, i] for the live channels; its fold adds channel i into column t(i) (relu(X)) or, on a signed layer
            // with u_i < 0, into column c_in + t(i) (relu(-X)).
            var weights = new float[cout * mLive * area];
            for (int j = 0; j < cout; j++)
                for (int c = 0; c < mLive; c++)
                {
                    int i = live[c];
                    float factor = (float)Scale * Math.Abs(pair.BlockWeight(i));
                    int from = (j * m + i) * area, to = (j * mLive + c) * area;
                    for (int e = 0; e < area; e++) weights[to + e] = factor * pair.V[from + e];
                }
            long[] shape = [cout, mLive, s.KernelSize, s.KernelSize];
            _weights = tensor(weights, shape).DetachFromDisposeScope();
            _columns = tensor(live.Select(i => (long)(pair.BlockOf(i) + (pair.BlockWeight(i) < 0 ? s.InChannels : 0))).ToArray()).DetachFromDisposeScope();
            _kernelShape = [cout, _signed ? 2L * s.InChannels : s.InChannels, s.KernelSize, s.KernelSize];
            _liveUnits = units.Granularity switch
            {
                MaskGranularity.Weight => (from j in Enumerable.Range(0, cout) from i in live from e in Enumerable.Range(0, area) select (j * m + i) * area + e).ToArray(),
                MaskGranularity.Kernel => (from j in Enumerable.Range(0, cout) from i in live select j * m + i).ToArray(),
                _ => live,
            };
            long[] liveShape = units.Granularity switch
            {
                MaskGranularity.Weight => shape,
                MaskGranularity.Kernel => [cout, mLive],
                _ => [mLive],
            };
            _initialScores = InitialScores(seed, units.Layer, units.Count);
            Scores = tensor(_liveUnits.Select(u => _initialScores[u]).ToArray(), liveShape).requires_grad_(true).DetachFromDisposeScope();
            _unitView = units.Granularity switch
            {
                MaskGranularity.Weight => shape,
                MaskGranularity.Kernel => [cout, mLive, 1, 1],
                _ => [1, mLive, 1, 1],
            };
            _stride = [s.Stride, s.Stride];
            _padding = [s.Padding, s.Padding];
            _relu = !pair.IsLast;
        }

        /// <summary>One score per live unit, in the order of the unit grid with the channels that are not live left out.</summary>
        public Tensor Scores { get; }

        public double Scale { get; }

        public Tensor Forward(Tensor x)
        {
            using var one = (Scalar)1.0;
            var hard = TopK.Mask(Scores, _k);
            // Straight-through: the value is the hard mask, the gradient reaches the scores unchanged.
            var mask = hard.add(Scores.sub(Scores.detach()), one).view(_unitView);
            // The fold: Σ over the channels of each block (and sign) of mask ⊙ c|u|V, (c_out, m_live, d, d) -> (c_out, c_in or 2 c_in, d, d).
            var kernel = zeros(_kernelShape).index_add(1, _columns, _weights.mul(mask), one);
            var input = _signed ? cat([nn.functional.relu(x), nn.functional.relu(x.neg())], 1) : x;
            var y = nn.functional.conv2d(input, kernel, null, _stride, _padding);
            return _relu ? y.relu() : y;
        }

        public bool[] KeptUnits()
        {
            using var scope = NewDisposeScope();
            var hard = TopK.Mask(Scores, _k).reshape(-1).data<float>().ToArray();
            var kept = new bool[_units.Count];
            for (int c = 0; c < hard.Length; c++) kept[_liveUnits[c]] = hard[c] != 0;
            return kept;
        }

        public float[] ScoreValues()
        {
            using var detached = Scores.detach().reshape(-1).contiguous();
            var live = detached.data<float>().ToArray();
            var values = (float[])_initialScores.Clone();
            for (int c = 0; c < live.Length; c++) values[_liveUnits[c]] = live[c];
            return values;
        }

        public float[] GradientValues()
        {
            var values = new float[_units.Count];
            using var grad = Scores.grad;
            if (grad is null) return values;
            using var flat = grad.reshape(-1).contiguous();
            var live = flat.data<float>().ToArray();
            for (int c = 0; c < live.Length; c++) values[_liveUnits[c]] = live[c];
            return values;
        }

        public void Dispose()
        {
            _weights.Dispose();
            _columns.Dispose();
            Scores.Dispose();
        }
    }
}
