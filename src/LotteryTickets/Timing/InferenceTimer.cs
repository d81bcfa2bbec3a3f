using System.Diagnostics;
using LotteryTickets.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Timing;

/// <summary>
/// Times CPU inference of TorchSharp modules the way careful benchmarks do: eval mode, no gradients, a fixed torch
/// thread count, warm-up passes, then repeated timed forward passes until the median is stable, reporting median and
/// interquartile range of the latency and the throughput for each batch size. Models are interleaved round by round,
/// so a burst of load from other processes slows all of them rather than biasing one. Before timing it checks the
/// weights for subnormal floats, silences libtorch's NNPACK warnings and (unless the process started with
/// GLIBC_TUNABLES) applies the allocator settings that keep large activations from being re-mapped on every pass.
/// Each forward pass runs in its own dispose scope, whose disposal (freeing the activations) is part of the time.
/// </summary>
public static class InferenceTimer
{
    /// <summary>Times workbook networks; each is turned into a fresh module (a copy), timed and disposed.</summary>
    /// <param name="networks">The networks (names must be distinct).</param>
    /// <param name="options">How to measure (defaults when null).</param>
    /// <param name="progress">Receives one line per round.</param>
    /// <param name="note">Recorded in the conditions (e.g. the command line).</param>
    /// <param name="cancellationToken">Stops between rounds.</param>
    public static TimingReport Measure(IEnumerable<ConvNetwork> networks, TimingOptions? options = null, IProgress<string>? progress = null,
        string note = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var list = networks.ToList();
        (options ?? TimingOptions.Default).Validate();
        var models = new List<TimedModel>(list.Count);
        try
        {
            foreach (var n in list)
                models.Add(new TimedModel(n.Name, n.ToModule(), [n.InputChannels, n.ImageSize, n.ImageSize], isCopy: true));
            return Measure(models, options, progress, note, cancellationToken);
        }
        finally
        {
            foreach (var m in models) m.Module.Dispose();
        }
    }

    /// <summary>Times one module.</summary>
    /// <param name="module">The module; it is put in eval mode during the measurement and back in its former mode after.</param>
    /// <param name="name">Name shown in tables.</param>
    /// <param name="imageShape">One input image's shape without the batch dimension, e.g. <c>[1, 28, 28]</c>.</param>
    /// <param name="options">How to measure (defaults when null).</param>
    /// <param name="progress">Receives one line per round.</param>
    public static TimingReport Measure(nn.Module<Tensor, Tensor> module, string name, IReadOnlyList<long> imageShape,
        TimingOptions? options = null, IProgress<string>? progress = null) =>
        Measure([new TimedModel(name, module, imageShape)], options, progress);

    /// <summary>Times several modules, interleaved (see <see cref="TimingOptions"/> for the stopping rule).</summary>
    /// <exception cref="ArgumentException">No models, or two with the same name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (batch size, repetitions or threads below 1, ...).</exception>
    public static TimingReport Measure(IReadOnlyList<TimedModel> models, TimingOptions? options = null, IProgress<string>? progress = null,
        string note = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        options ??= TimingOptions.Default;
        options.Validate();
        if (models.Count == 0) throw new ArgumentException("need at least one model to time.", nameof(models));
        var duplicate = models.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"model names must be distinct; '{duplicate.Key}' appears {duplicate.Count()} times.", nameof(models));
        int threads = options.ResolveThreads();
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(options), threads, $"the torch thread count must be at least 1; got {threads}.");

        LibTorchLogging.QuietWarnings();
        if (options.TuneMalloc && !MallocTuning.StartedWithRecommendedTunables) MallocTuning.ApplyAtRuntime();
        int previousThreads = get_num_threads();
        var training = models.Select(m => m.Module.training).ToArray();
        set_num_threads(threads);
        try
        {
            var conditions = TimingConditions.Capture(note);
            var costs = models.Select(m => MacCounter.Of(m.Module, m.ImageShape, m.Name)).ToArray();
            var subnormals = models.Select(m => SubnormalCheck.Inspect(m.Module, m.Name, options.Subnormals, m.IsCopy)).ToArray();
            foreach (var m in models) m.Module.eval();

            var rows = new List<TimingRow>();
            var samples = new List<LatencySamples>();
            using var noGrad = no_grad();
            foreach (int batch in options.BatchSizes)
            {
                var measured = MeasureBatch(models, batch, threads, options, progress, cancellationToken);
                for (int i = 0; i < models.Count; i++)
                {
                    var (times, stable) = measured[i];
                    var s = LatencySummary.Of(times);
                    rows.Add(new TimingRow(models[i].Name, batch, threads, s.Count, s.Median, s.LowerQuartile, s.UpperQuartile, s.Min,
                        costs[i].Macs, costs[i].EffectiveMacs, costs[i].Parameters, costs[i].NonzeroParameters, stable));
                    samples.Add(new LatencySamples(models[i].Name, batch, times.ToArray()));
                }
            }
            return new TimingReport(conditions with { LoadAverageAfter = TimingConditions.LoadAverage() }, costs, rows, subnormals, samples);
        }
        finally
        {
            set_num_threads(previousThreads);
            for (int i = 0; i < models.Count; i++) models[i].Module.train(training[i]);
        }
    }

    private static (List<double> Times, bool Stable)[] MeasureBatch(IReadOnlyList<TimedModel> models, int batch, int threads, TimingOptions options,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // One input per distinct image shape, the same for every model of that shape.
        var inputs = new Dictionary<string, Tensor>();
        try
        {
            using var generator = new Generator((ulong)options.InputSeed);
            Tensor InputOf(TimedModel m)
            {
                string key = string.Join("x", m.ImageShape);
                if (!inputs.TryGetValue(key, out var x))
                    inputs[key] = x = rand([batch, .. m.ImageShape], generator: generator);
                return x;
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            foreach (var m in models)
                for (int w = 0; w < options.WarmupRepetitions; w++) TimeOne(m.Module, InputOf(m));

            int n = models.Count;
            var times = Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray();
            var spent = new double[n];
            var previousMedian = new double?[n];
            var stableRounds = new int[n];
            var done = new bool[n];
            int target = options.FixedRepetitions ?? options.MaxRepetitions;
            while (!done.All(d => d))
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < n; i++)
                {
                    if (done[i]) continue;
                    var x = InputOf(models[i]);
                    for (int r = 0; r < options.RoundSize && times[i].Count < target; r++)
                    {
                        double ms = TimeOne(models[i].Module, x);
                        times[i].Add(ms);
                        spent[i] += ms / 1000;
                    }
                    double median = LatencySummary.Of(times[i]).Median;
                    stableRounds[i] = previousMedian[i] is double p && Math.Abs(median - p) <= options.StabilityTolerance * p ? stableRounds[i] + 1 : 0;
                    previousMedian[i] = median;
                    bool stable = stableRounds[i] >= 2;
                    done[i] = options.FixedRepetitions is not null
                        ? times[i].Count >= target
                        : times[i].Count >= target || spent[i] >= options.MaxSecondsPerMeasurement || (stable && times[i].Count >= options.MinRepetitions);
                }
                progress?.Report($"batch {batch}, {threads} thread(s): " + string.Join("; ", models.Select((m, i) => $"{m.Name} {times[i].Count}{(done[i] ? " done" : "")}")));
            }
            return times.Select((t, i) => (t, stableRounds[i] >= 2)).ToArray();
        }
        finally
        {
            foreach (var x in inputs.Values) x.Dispose();
        }
    }

    private static double TimeOne(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        long start = Stopwatch.GetTimestamp();
        using (var scope = NewDisposeScope())
        {
            module.call(input);
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
