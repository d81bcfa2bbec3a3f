using LotteryTickets.Networks;
using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Pruning;

/// <summary>
/// What makes one ticket variant: the slices of a layer it solves, their dimension, how one slice's subset is chosen and
/// how a chosen channel becomes kept weights. Each variant's rules live beside its façade (<see cref="KernelTicket"/>,
/// <see cref="FilterTicket"/>, <see cref="UnstructuredTicket"/>); <see cref="TicketConstruction"/> runs any of them.
/// The shared part of one slice (gathering the target values and the candidates' vectors) is here.
/// </summary>
internal abstract class TicketVariantRules
{
    /// <summary>One subset-sum instance: output channel j (-1: all), input channel t, kernel entry (-1: all) and sign.</summary>
    internal readonly record struct Slice(int Output, int Input, int Entry, int Sign);

    /// <summary>A slice's answer: indices into the offered pool, the error, whether it is proven optimal, and how many of the pool were used.</summary>
    internal readonly record struct Choice(int[] Chosen, double Error, bool Proven, int PoolUsed);

    /// <summary>The rules of <paramref name="variant"/>: the one place the variants are told apart.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variant"/> is not a defined <see cref="TicketVariant"/>.</exception>
    internal static TicketVariantRules For(TicketVariant variant) => variant switch
    {
        TicketVariant.Kernel => KernelTicket.Rules,
        TicketVariant.Filter => FilterTicket.Rules,
        TicketVariant.Unstructured => UnstructuredTicket.Rules,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant,
            $"variant must be one of {string.Join(", ", Enum.GetNames<TicketVariant>())}; got {variant}."),
    };

    /// <summary>Dimension of one slice of a layer (the subset-sum instances' vector length).</summary>
    internal abstract int Dimension(ConvLayerSpec spec);

    /// <summary>The slices of a layer, in a fixed order; <paramref name="signs"/> is [1] after a ReLU, else [1, -1].</summary>
    internal abstract IEnumerable<Slice> Slices(ConvLayerSpec spec, int[] signs);

    /// <summary>The hidden channels offered to one slice, from the block's channels of the needed sign (default: all of them).</summary>
    internal virtual int[] Pool(int[] offered, TicketOptions options) => offered;

    /// <summary>Chooses a subset of <paramref name="vectors"/> (non-empty) whose sum approximates <paramref name="goal"/>.</summary>
    internal abstract Choice Choose(double[][] vectors, double[] goal, TicketOptions options, int seed, int layer, Slice slice);

    /// <summary>Marks the weights a kept channel keeps for one output: <paramref name="offset"/> is where kernel V[j, i] starts in the layer's V mask.</summary>
    internal abstract void Keep(bool[] v, int offset, int area, SliceResult result);

    /// <summary>The structured variants' choice: the multidimensional subset-sum search in max norm, seeded per slice.</summary>
    protected static Choice VectorSearch(double[][] vectors, double[] goal, TicketOptions options, int seed, int layer, Slice slice)
    {
        var solverOptions = new VectorSubsetSumOptions
        {
            Norm = VectorNorm.Max,
            Tolerance = options.SliceTolerance,
            NodeLimit = options.NodeLimitPerSlice,
            TimeLimit = options.TimeLimitPerSlice,
            Method = options.Method,
            Seed = Seeds.Derive(seed, layer, slice.Output, slice.Input, slice.Sign),
        };
        var best = VectorSubsetSum.Solve(vectors, goal, solverOptions);
        return new Choice(best.Indices, best.Error, best.ProvenOptimal, vectors.Length);
    }

    /// <summary>The structured variants keep whole d x d kernels V[j, i].</summary>
    protected static void KeepWholeKernel(bool[] v, int offset, int area) => Array.Fill(v, true, offset, area);

    /// <summary>Solves one slice: gathers its target values and candidate vectors, chooses, and never reports worse than the empty subset.</summary>
    internal SliceResult Solve(TargetCnn target, RandomPair pair, int layer, Slice slice, int[] offered, TicketOptions options, int seed)
    {
        var s = pair.Target;
        int area = s.KernelArea;
        float[] k = target.Kernels[layer];
        // The slice: sign * K[j, t] (kernel), sign * K[:, t] stacked over outputs (filter), sign * K[j, t, a, b] (entry).
        int[] outputs = slice.Output >= 0 ? [slice.Output] : Enumerable.Range(0, s.OutChannels).ToArray();
        int[] entries = slice.Entry >= 0 ? [slice.Entry] : Enumerable.Range(0, area).ToArray();
        int dimension = outputs.Length * entries.Length;
        var goal = new double[dimension];
        for (int o = 0; o < outputs.Length; o++)
            for (int e = 0; e < entries.Length; e++)
                goal[o * entries.Length + e] = slice.Sign * (double)k[(outputs[o] * s.InChannels + slice.Input) * area + entries[e]];
        double emptyError = goal.Max(Math.Abs);

        int[] pool = Pool(offered, options);
        // Candidate vectors |u_i| V[j, i] restricted to the slice's outputs and entries: NSN vectors (theory.md §3, step 3).
        var vectors = new double[pool.Length][];
        for (int c = 0; c < pool.Length; c++)
        {
            int i = pool[c];
            double u = Math.Abs((double)pair.BlockWeight(i));
            var x = new double[dimension];
            for (int o = 0; o < outputs.Length; o++)
                for (int e = 0; e < entries.Length; e++)
                    x[o * entries.Length + e] = u * pair.V[(outputs[o] * pair.Hidden + i) * area + entries[e]];
            vectors[c] = x;
        }
        if (pool.Length == 0)
            return new SliceResult(layer, slice.Output, slice.Input, slice.Entry, slice.Sign, 0, [], emptyError, emptyError, true);

        var (chosen, error, proven, used) = Choose(vectors, goal, options, seed, layer, slice);
        pool = pool[..used];
        // The empty subset is always available: never report worse than it.
        if (error > emptyError) (chosen, error) = ([], emptyError);
        return new SliceResult(layer, slice.Output, slice.Input, slice.Entry, slice.Sign, pool.Length,
            chosen.Select(c => pool[c]).ToArray(), error, emptyError, proven);
    }

    /// <summary>The layer's mask from its slices' answers: each kept channel keeps its 1x1 weight and, for every output its slice covers, the weights <see cref="Keep"/> marks.</summary>
    internal LayerMask Assemble(RandomPair pair, SliceResult[] results)
    {
        var s = pair.Target;
        int area = s.KernelArea;
        var u = new bool[pair.Hidden * s.InChannels];
        var v = new bool[s.OutChannels * pair.Hidden * area];
        foreach (var r in results)
            foreach (int i in r.Kept)
            {
                u[i * s.InChannels + pair.BlockOf(i)] = true;
                int[] outputs = r.Output >= 0 ? [r.Output] : Enumerable.Range(0, s.OutChannels).ToArray();
                foreach (int j in outputs) Keep(v, (j * pair.Hidden + i) * area, area, r);
            }
        return new LayerMask(pair.Hidden, s.InChannels, s.OutChannels, s.KernelSize, u, v);
    }
}
