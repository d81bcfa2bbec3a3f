using System.Diagnostics;
using LotteryTickets.Networks;
using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;

namespace LotteryTickets.Pruning;

/// <summary>The shared engine of the three constructions: enumerate slices, solve them in parallel, assemble the mask.</summary>
internal static class TicketConstruction
{
    private readonly record struct Instance(int Output, int Input, int Entry, int Sign);

    /// <summary>The unstructured baseline tries pools of 8, 16, 24, ... channels until a subset meets the tolerance.</summary>
    internal const int UnstructuredPoolStep = 8;

    internal static Ticket Build(TicketVariant variant, TargetCnn target, RandomNetwork random, TicketOptions? options,
        IProgress<TicketProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(random);
        random.CheckCompatible(target.Architecture, nameof(random));
        options ??= TicketOptions.Default;
        options.Validate();

        var watch = Stopwatch.StartNew();
        var architecture = target.Architecture;
        int total = Enumerable.Range(0, architecture.Layers.Count).Sum(l => Instances(variant, architecture, l).Length), done = 0;
        var slices = new List<SliceResult>(total);
        var masks = new List<LayerMask>();
        var reports = new List<TicketLayerReport>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };

        for (int l = 0; l < architecture.Layers.Count; l++)
        {
            var layerWatch = Stopwatch.StartNew();
            var pair = random.Pairs[l];
            var spec = pair.Target;
            int layer = l;
            var results = SolveLayer(variant, target, pair, layer, random.Seed, options, parallel, () =>
            {
                int now = Interlocked.Increment(ref done);
                progress?.Report(new TicketProgress(variant, layer, now, total, watch.Elapsed));
            });

            masks.Add(Assemble(variant, pair, results));
            slices.AddRange(results);
            reports.Add(Report(variant, pair, layer, results, options.SliceTolerance, layerWatch.Elapsed.TotalSeconds));
            if (results.Any(r => r.EmptyError > 0) && results.All(r => r.EmptyError == 0 || r.Candidates == 0))
                throw new ArgumentOutOfRangeException(nameof(random), pair.HiddenPerInput,
                    $"layer {l}: with n = {pair.HiddenPerInput} hidden channels per input channel no block offers a channel of the needed sign, so no slice can make any progress and the ticket would output zeros there. Use a larger n (the counting bound asks for about {CountingBound(variant, spec, options.SliceTolerance)} channels of each sign for this tolerance).");
        }
        var mask = new TicketMask(variant, architecture, random.HiddenPerInput, random.Seed, masks);
        return new Ticket(variant, target, random, mask, options, slices, reports, watch.Elapsed);
    }

    /// <summary>Solves every slice of one layer in parallel; results are in instance order whatever the thread count.</summary>
    internal static SliceResult[] SolveLayer(TicketVariant variant, TargetCnn target, RandomPair pair, int layer, int seed, TicketOptions options,
        ParallelOptions parallel, Action? solved = null)
    {
        var spec = pair.Target;
        // Candidates of block t and sign s: the hidden channels i in B_t whose block weight u_i has sign s.
        var candidates = new int[spec.InChannels, 2][];
        for (int t = 0; t < spec.InChannels; t++)
            for (int side = 0; side < 2; side++)
                candidates[t, side] = Enumerable.Range(t * pair.HiddenPerInput, pair.HiddenPerInput)
                    .Where(i => side == 0 ? pair.BlockWeight(i) > 0 : pair.BlockWeight(i) < 0).ToArray();
        var instances = Instances(variant, target.Architecture, layer);
        var results = new SliceResult[instances.Length];
        Parallel.For(0, instances.Length, parallel, k =>
        {
            results[k] = Solve(variant, target, pair, layer, instances[k], candidates[instances[k].Input, instances[k].Sign > 0 ? 0 : 1], options, seed);
            solved?.Invoke();
        });
        return results;
    }

    /// <summary>
    /// Counting lower bound on channels per sign for one slice (<see cref="ScalingBounds.CountingLowerBound"/> in the
    /// slice's dimension D, rounded up): 2^n subsets must cover [-1, 1]^D in cells of side 2η. A tolerance of 0 (best
    /// effort) is read as 10⁻⁶; one of 1 or more needs no channel at all.
    /// </summary>
    internal static int CountingBound(TicketVariant variant, ConvLayerSpec spec, double tolerance) =>
        tolerance >= 1 ? 0 : (int)Math.Ceiling(ScalingBounds.CountingLowerBound(Dimension(variant, spec), Math.Max(tolerance, 1e-6)));

    internal static int Dimension(TicketVariant variant, ConvLayerSpec spec) => variant switch
    {
        TicketVariant.Kernel => spec.KernelArea,
        TicketVariant.Filter => spec.OutChannels * spec.KernelArea,
        _ => 1,
    };

    private static Instance[] Instances(TicketVariant variant, TargetArchitecture architecture, int layer)
    {
        var s = architecture.Layers[layer];
        int[] signs = architecture.LayerInputNonNegative(layer) ? [1] : [1, -1];
        var list = new List<Instance>();
        switch (variant)
        {
            case TicketVariant.Kernel:
                for (int j = 0; j < s.OutChannels; j++)
                    for (int t = 0; t < s.InChannels; t++)
                        foreach (int sign in signs) list.Add(new Instance(j, t, -1, sign));
                break;
            case TicketVariant.Filter:
                for (int t = 0; t < s.InChannels; t++)
                    foreach (int sign in signs) list.Add(new Instance(-1, t, -1, sign));
                break;
            default:
                for (int j = 0; j < s.OutChannels; j++)
                    for (int t = 0; t < s.InChannels; t++)
                        for (int e = 0; e < s.KernelArea; e++)
                            foreach (int sign in signs) list.Add(new Instance(j, t, e, sign));
                break;
        }
        return [.. list];
    }

    private static SliceResult Solve(TicketVariant variant, TargetCnn target, RandomPair pair, int layer, Instance slice, int[] offered,
        TicketOptions options, int seed)
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

        int[] pool = variant == TicketVariant.Unstructured && offered.Length > options.UnstructuredCandidates ? offered[..options.UnstructuredCandidates] : offered;
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

        int[] chosen;
        double error;
        bool proven;
        if (variant == TicketVariant.Unstructured)
        {
            // Grow the pool in steps until the tolerance is met: O(log 1/eps) channels per weight suffice in one dimension,
            // and a small pool keeps the kept subset small (the exact best subset of a large pool uses about half of it).
            var values = vectors.Select(v => v[0]).ToArray();
            SubsetChoice best;
            int size = Math.Min(UnstructuredPoolStep, values.Length);
            while (true)
            {
                best = MeetInTheMiddle.BestSubset(values.AsSpan(0, size), goal[0]);
                if (best.Error <= options.SliceTolerance || size == values.Length) break;
                size = Math.Min(size + UnstructuredPoolStep, values.Length);
            }
            pool = pool[..size];
            (chosen, error, proven) = (best.Indices, best.Error, true);
        }
        else
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
            (chosen, error, proven) = (best.Indices, best.Error, best.ProvenOptimal);
        }
        // The empty subset is always available: never report worse than it.
        if (error > emptyError) (chosen, error) = ([], emptyError);
        return new SliceResult(layer, slice.Output, slice.Input, slice.Entry, slice.Sign, pool.Length,
            chosen.Select(c => pool[c]).ToArray(), error, emptyError, proven);
    }

    private static LayerMask Assemble(TicketVariant variant, RandomPair pair, SliceResult[] results)
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
                foreach (int j in outputs)
                {
                    int offset = (j * pair.Hidden + i) * area;
                    if (variant == TicketVariant.Unstructured) v[offset + r.Entry] = true;
                    else Array.Fill(v, true, offset, area);
                }
            }
        return new LayerMask(pair.Hidden, s.InChannels, s.OutChannels, s.KernelSize, u, v);
    }

    private static TicketLayerReport Report(TicketVariant variant, RandomPair pair, int layer, SliceResult[] results, double tolerance, double seconds) =>
        new(layer, pair.HiddenPerInput, results.Length, Dimension(variant, pair.Target),
            results.Average(r => r.Candidates), results.Max(r => r.Error), results.Average(r => r.Error),
            results.Count(r => r.Error > tolerance), results.Count(r => r.Candidates == 0), results.Count(r => r.EmptyError > 0 && r.Kept.Length == 0),
            results.Average(r => r.Kept.Length),
            results.Count(r => r.ProvenOptimal), seconds);
}
