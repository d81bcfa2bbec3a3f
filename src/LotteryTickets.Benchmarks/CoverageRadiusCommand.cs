using System.Diagnostics;
using LotteryTickets.SubsetSum;

namespace LotteryTickets.Benchmarks;

/// <summary>
/// One 1-D coverage-radius method in a process of its own, for its peak memory (run it under <c>/usr/bin/time -f %M</c>):
/// <c>coverage --n 26 --method of|before [--repeat 3]</c>. Prints each call's time and the radius; the
/// side-by-side timing is <see cref="SubsetSum1DCoverageBenchmarks"/>.
/// </summary>
internal static class CoverageRadiusCommand
{
    public static void Run(string[] args)
    {
        int n = 24, repeat = 3;
        string method = "of";
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--n": n = int.Parse(args[i + 1]); break;
                case "--method": method = args[i + 1]; break;
                case "--repeat": repeat = int.Parse(args[i + 1]); break;
                default: throw new ArgumentException($"Unknown option {args[i]}; use --n, --method (of or before) and --repeat.", nameof(args));
            }
        }
        if (method is not ("of" or "before"))
            throw new ArgumentException($"--method must be 'of' (CoverageRadius.Of) or 'before' (scalar merge, full list, scalar scan); got '{method}'.", nameof(args));
        var bench = new SubsetSum1DCoverageBenchmarks { N = n };
        bench.LoadValues();
        for (int r = 0; r < repeat; r++)
        {
            var watch = Stopwatch.StartNew();
            double radius = method == "of" ? bench.CoverageRadiusOf() : bench.ScalarMergeDoubling();
            Console.WriteLine($"n = {n}, {method}: {watch.Elapsed.TotalSeconds:F3} s, eps* = {radius:R}");
        }
    }
}
