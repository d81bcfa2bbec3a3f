using System.Diagnostics;
using System.Globalization;
using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// Quality against time of the high-density searches on the instances the kernel construction poses: m NSN vectors
/// in dimension d, targets uniform in [-0.5, 0.5]^d, max-norm. For each (d, m): median error and median milliseconds
/// per instance on one core, for each method asked for, side by side in one process.
/// </summary>
internal static class KTreeReport
{
    public static void Run(string[] args)
    {
        var dims = Ints(args, "--d", [9]);
        var ms = Ints(args, "--m", [128, 256]);
        int instances = Ints(args, "--instances", [15])[0];
        var methods = Strings(args, "--methods", ["ktree"]);
        var plan = Strings(args, "--plan", []);
        if (args.Contains("--trace")) KTreeSearch.Trace = Console.WriteLine;
        Console.WriteLine($"# k-tree report: {instances} instances per row, NSN vectors, targets U[-0.5,0.5]^d, max-norm; load {Load()}");
        Console.WriteLine("d\tm\tmethod\tmedian error\tq25\tq75\tmedian ms\tmedian cpu ms\tentries\tscanned");
        foreach (int d in dims)
            foreach (int m in ms)
                foreach (var method in methods)
                {
                    var errors = new List<double>();
                    var times = new List<double>();
                    var cpuTimes = new List<double>();
                    long entries = 0, scanned = 0;
                    for (int i = 0; i < instances; i++)
                    {
                        var rng = Seeds.Rng(4242, d, m, i);
                        var vectors = VectorSampler.Nsn(d).Sample(m, rng);
                        var target = Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray();
                        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                        var watch = Stopwatch.StartNew();
                        VectorSubsetChoice choice = method switch
                        {
                            "ktree" => KTree(vectors, target, Override(KTreePlan.For(m, d), plan, m), i, ref scanned),
                            "local" => VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Heuristic, Seed = i }),
                            "auto" => VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Seed = i }),
                            "exact" => VectorSubsetSum.Solve(vectors, target, new VectorSubsetSumOptions { Method = VectorSubsetSumMethod.Exact }),
                            "estimate" => new VectorSubsetChoice([], [], OptimumEstimate.MedianError(vectors, target), false),
                            _ => throw new ArgumentException($"unknown method {method}"),
                        };
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                        errors.Add(choice.Error);
                        entries = Math.Max(entries, choice.Nodes);
                    }
                    errors.Sort();
                    times.Sort();
                    cpuTimes.Sort();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{d}\t{m}\t{method}\t{Q(errors, 0.5):G3}\t{Q(errors, 0.25):G3}\t{Q(errors, 0.75):G3}\t{Q(times, 0.5):F1}\t{Q(cpuTimes, 0.5):F1}\t{entries}\t{scanned / instances}"));
                }
    }

    private static VectorSubsetChoice KTree(double[][] vectors, double[] target, KTreePlan plan, int seed, ref long scanned)
    {
        var search = new KTreeSearch(vectors, target, plan, euclidean: false);
        var indices = search.Run(seed, 0);
        Array.Sort(indices);
        scanned += search.Scanned;
        return VectorSubsetChoice.Create(vectors, indices, target, VectorNorm.Max, false, VectorSubsetSumMethod.KTree, search.Entries);
    }

    private static KTreePlan Override(KTreePlan plan, string[] settings, int m)
    {
        foreach (var s in settings)
        {
            var (key, value) = (s.Split('=')[0], s.Split('=')[1]);
            double v = double.Parse(value, CultureInfo.InvariantCulture);
            plan = key switch
            {
                "centre" => plan with { Centre = v },
                "recentre" => plan with { Recentre = v != 0 },
                "retighten" => plan with { Retighten = v },
                "samples" => plan with { Samples = (int)v },
                "rootkeys" => plan with { RootKeys = (int)v },
                "cells" => plan with { MaxCellsPerEntry = v },
                "bits" => plan with { BitsScale = v },
                "slack" => plan with { Slack = v },
                "fine" => plan with { LastKeyCell = v },
                "keycell" => plan with { KeyCell = v },
                "rootcells" => plan with { RootCellsPerEntry = v },
                "expected" => plan with { RootExpectedPairs = v },
                "levels" => KTreePlan.Family(m, (int)v, 17) with { BitsScale = plan.BitsScale, Samples = plan.Samples, Slack = plan.Slack },
                "top" => KTreePlan.Family(m, plan.Levels, v) with { BitsScale = plan.BitsScale, Samples = plan.Samples, Slack = plan.Slack },
                "caps" => plan with { Caps = value.Split('/').Select(x => 1 << int.Parse(x, CultureInfo.InvariantCulture)).ToArray() },
                _ => throw new ArgumentException($"unknown plan setting {key}"),
            };
        }
        return plan;
    }

    private static double Q(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int[] Ints(string[] args, string name, int[] fallback) =>
        Strings(args, name, []) is { Length: > 0 } s ? s.Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() : fallback;

    private static string[] Strings(string[] args, string name, string[] fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',') : fallback;
    }
}
