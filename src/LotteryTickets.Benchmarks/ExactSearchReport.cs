using System.Diagnostics;
using System.Globalization;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// The exact best subset in d = 9 (or <c>--d</c>; NSN vectors, targets uniform in [-1,1]^d, max-norm; <see cref="VectorSubsetSumPeers.Instances"/>)
/// against OR-Tools CP-SAT, instance by instance in one process: <c>exact --n 32,36,40 --instances 5 --workers 2</c>.
/// For each instance it times Exact with its shifts searched on one thread and on two (the default; only n &gt;= 40 has
/// shifts, see <c>ShiftedSearch</c>), Auto, and CP-SAT with the given workers, checks that every proven optimum agrees to 1e-9
/// and that both exact runs return the same subset, and prints each time and the medians. <c>--compare build</c> compares
/// instead the two half-sum trees built one after the other (before issue 16) and on two threads; <c>--two-first</c> times the
/// two-thread run before the one-thread run of each instance (the second run finds the pools warm). n where Exact would exceed
/// its memory limit are reported as refused. <c>--only one|two</c> runs only Exact the one or the other way (no warm-up, no
/// Auto, no CP-SAT), for one run's peak memory under <c>/usr/bin/time -f %M</c>.
/// <c>--splits 44=22:22:0;48=20:20:8</c> times the exact search's own split of the vectors (halves A, B and the vectors taken
/// out, <c>VectorSubsetSum.ExactSplit</c>) against the given ones, instance by instance.
/// </summary>
internal static class ExactSearchReport
{
    public static void Run(string[] args)
    {
        int[] sizes = [32, 36, 40];
        int instances = 5, workers = 2;
        int d = VectorSubsetSumPeers.Dimension;
        bool cpSat = true, breakdown = false, compareBuild = false, twoFirst = false;
        string? only = null; // "one" or "two": time only that exact build (for one process's peak memory under /usr/bin/time)
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--d": d = int.Parse(args[++i]); break;
                case "--n": sizes = [.. args[++i].Split(',').Select(int.Parse)]; break;
                case "--instances": instances = int.Parse(args[++i]); break;
                case "--workers": workers = int.Parse(args[++i]); break;
                case "--no-cpsat": cpSat = false; break;
                case "--breakdown": breakdown = true; break;
                case "--only": only = args[++i]; break;
                case "--compare": compareBuild = args[++i] == "build"; break;
                case "--two-first": twoFirst = true; break;
                case "--splits": CompareSplits(sizes, instances, d, args[++i]); return;
                default: throw new ArgumentException($"Unknown option {args[i]}; use --n a,b,..., --d (dimension, default 9), --instances, --workers, --no-cpsat, --breakdown, --only one|two, --compare search|build, --two-first, --splits n=A:B:Outer;...", nameof(args));
            }
        }
        // Warm up the JIT and the pools on a small instance, so the first timed call is not charged for them.
        if (only is null) foreach (var (v, t) in VectorSubsetSumPeers.Instances(24, 1, d)) Solve(v, t, VectorSubsetSumMethod.Exact, true);
        // Warm up the two-thread search too (its first run starts a thread).
        if (only is null) foreach (var (v, t) in VectorSubsetSumPeers.Instances(40, 1, d)) Solve(v, t, VectorSubsetSumMethod.Exact, true);
        string oneName = compareBuild ? "one-thread build" : "one search thread", twoName = compareBuild ? "two-thread build" : "two search threads";
        Console.WriteLine($"d = {d}, NSN, max-norm, {instances} instances per n, CP-SAT with {workers} worker(s); times in seconds");
        Console.WriteLine($"n   | exact, {oneName} | exact, {twoName} | auto (method) | CP-SAT | same optimum");
        foreach (int n in sizes)
        {
            var before = new List<double>();
            var after = new List<double>();
            var auto = new List<double>();
            var peer = new List<double>();
            string autoMethod = VectorSubsetSum.MethodFor(n, d).ToString(); // the benchmark asks for the optimum (no tolerance)
            int same = 0, autoProven = 0;
            bool fits = VectorSubsetSum.ExactBytes(n, d) <= VectorSubsetSum.ExactMaxBytes;
            foreach (var (vectors, target) in VectorSubsetSumPeers.Instances(n, instances, d))
            {
                double? error = null;
                if (fits)
                {
                    // The second run of an instance finds the pools and caches warm: --two-first swaps the order to measure that.
                    (double, VectorSubsetChoice) TimeTwo() => Time(() => Solve(vectors, target, VectorSubsetSumMethod.Exact, true));
                    (double, VectorSubsetChoice)? first = twoFirst && only is null ? TimeTwo() : null;
                    var (b, eb) = only == "two" ? (double.NaN, null!) : Time(() => Solve(vectors, target, VectorSubsetSumMethod.Exact, false, compareBuild));
                    var (a, ea) = only == "one" ? (b, eb) : first ?? TimeTwo();
                    eb ??= ea;
                    if (only is not null)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  n = {n}: Exact, {(only == "one" ? oneName : twoName)}: {a:F3} s, error {ea.Error:G6}"));
                        continue;
                    }
                    before.Add(b);
                    after.Add(a);
                    if (!eb.ProvenOptimal || !ea.ProvenOptimal || Math.Abs(eb.Error - ea.Error) > 1e-9 || !eb.Indices.SequenceEqual(ea.Indices))
                        throw new InvalidOperationException($"n = {n}: exact runs disagree: {eb.Error:R} ({eb.ProvenOptimal}) and {ea.Error:R} ({ea.ProvenOptimal}), or their subsets differ.");
                    error = ea.Error;
                }
                // The breakdown builds one plain index of two halves: only where the search has no vectors outside its halves.
                if (breakdown && fits && VectorSubsetSum.ExactSplit(n, d).Outer == 0) Breakdown(vectors, target);
                var (u, eu) = Time(() => Solve(vectors, target, VectorSubsetSumMethod.Auto, true));
                auto.Add(u);
                if (eu.ProvenOptimal) autoProven++;
                if (cpSat)
                {
                    var (c, ec) = Time(() => VectorSubsetSumPeers.CpSat(vectors, target, workers: workers));
                    peer.Add(c);
                    if (error is double e && ec.Optimal && Math.Abs(e - ec.Error) > 1e-9)
                        throw new InvalidOperationException($"n = {n}: optima differ: ours {e:R}, CP-SAT {ec.Error:R}.");
                    if (error is not null && ec.Optimal) same++;
                    error ??= ec.Optimal ? ec.Error : null;
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  n = {n}: {oneName} {Show(before, fits)}, {twoName} {Show(after, fits)}, auto {u:F3} ({eu.Method}, error {eu.Error:G6}{(eu.ProvenOptimal ? ", proven" : "")}), " +
                    $"CP-SAT {(cpSat ? peer[^1].ToString("F3", CultureInfo.InvariantCulture) : "-")}, optimum {error:G6}"));
            }
            if (only is not null) continue;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n,-3} | {Median(before, fits).PadLeft(7 + oneName.Length)} | {Median(after, fits).PadLeft(7 + twoName.Length)} | {Median(auto, true)} ({autoMethod}, proven {autoProven}/{instances}) | {(cpSat ? Median(peer, true) : "-")} | {(cpSat && fits ? $"{same}/{instances}" : "-")}"));
        }
    }

    // Where an exact solve spends its time: the local search, building the two half-sum trees (one after the other), the
    // branch and bound; and what the search would save if it started from the k-tree's subset instead of the local search's.
    private static void Breakdown(double[][] vectors, double[] target)
    {
        int n = vectors.Length, d = target.Length;
        var watch = Stopwatch.StartNew();
        var local = new VectorLocalSearch<MaxMetric>(vectors, target, null);
        local.Greedy();
        local.Improve();
        double tLocal = watch.Elapsed.TotalSeconds;
        var tree = VectorSubsetSum.RunKTree(vectors, target, VectorSubsetSumOptions.Default);
        double tTree = watch.Elapsed.TotalSeconds - tLocal;
        int[] items = [.. Enumerable.Range(0, n)];
        using var index = new VectorMeetInTheMiddle(vectors, items, d, n / 2, bySize: false);
        double tBuild = watch.Elapsed.TotalSeconds - tLocal - tTree;
        foreach (double start in new[] { local.Raw, Math.Min(local.Raw, tree.Error) })
        {
            var budget = new SearchBudget(null, null);
            var search = new DualTreeSearch<MaxMetric>(target, start, 0, budget);
            var w = Stopwatch.StartNew();
            index.Search(search, null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    local {tLocal:F3} s (error {local.Raw:G4}), k-tree {tTree:F3} s (error {tree.Error:G4}), build {tBuild:F3} s; search from {start:G4}: {w.Elapsed.TotalSeconds:F3} s, {budget.Nodes} nodes, optimum {search.BestRaw:G6}"));
        }
    }

    // The exact search's own split against the given ones (n=A:B:Outer;..., e.g. 44=22:22:0;48=20:20:8), same process.
    private static void CompareSplits(int[] sizes, int instances, int d, string splits)
    {
        var given = splits.Split(';').Select(p => p.Split('=')).ToDictionary(p => int.Parse(p[0]), p => p[1].Split(':').Select(int.Parse).ToArray());
        foreach (var (v, t) in VectorSubsetSumPeers.Instances(24, 1, d)) Solve(v, t, VectorSubsetSumMethod.Exact, true);
        var options = new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact };
        foreach (int n in sizes)
            foreach (var (vectors, target) in VectorSubsetSumPeers.Instances(n, instances, d))
            {
                var own = VectorSubsetSum.ExactSplit(n, target.Length);
                int[] g = given[n];
                var (t1, c1) = Time(() => Solve(vectors, target, VectorSubsetSumMethod.Exact, true));
                var (t2, c2) = Time(() => VectorSubsetSum.SolveExact(vectors, target, options, (g[0], g[1], g[2])));
                if (Math.Abs(c1.Error - c2.Error) > 1e-9 || !c1.ProvenOptimal || !c2.ProvenOptimal)
                    throw new InvalidOperationException($"n = {n}: splits disagree: {c1.Error:R} and {c2.Error:R}.");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  n = {n}: split {own.A}:{own.B}:{own.Outer} {t1:F3} s ({c1.Nodes} nodes), split {string.Join(':', g)} {t2:F3} s ({c2.Nodes} nodes), optimum {c1.Error:G6}"));
            }
    }

    // `parallel` false: one search thread, or with `build` set a one-thread build as well (before issue 16).
    private static VectorSubsetChoice Solve(double[][] vectors, double[] target, VectorSubsetSumMethod method, bool parallel, bool build = false) =>
        VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = method, ParallelBuild = parallel || !build, ParallelSearch = parallel });

    private static (double Seconds, T Result) Time<T>(Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        T result = run();
        return (watch.Elapsed.TotalSeconds, result);
    }

    private static string Show(List<double> times, bool fits) => fits ? times[^1].ToString("F3", CultureInfo.InvariantCulture) : "refused";

    private static string Median(List<double> times, bool fits)
    {
        if (!fits) return "refused (memory)";
        var sorted = times.Order().ToArray();
        return sorted[sorted.Length / 2].ToString("F3", CultureInfo.InvariantCulture);
    }
}
