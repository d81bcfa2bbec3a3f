using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using static LotteryTickets.Tests.Pruning.PruningFixtures;

namespace LotteryTickets.Tests.Pruning;

public sealed class ConstructionSweepTests
{
    private static string TempFile(string name) =>
        Path.Combine(Directory.CreateTempSubdirectory("sweep-").FullName, name);

    private static ConstructionSweep Measured()
    {
        var target = Target(NonNegative);
        var rows = new List<ConstructionSweepRow>();
        foreach (int n in new[] { 6, 12 })
        {
            var random = RandomNetwork.Create(NonNegative, n, seed: 5);
            rows.Add(ConstructionSweepRow.Measure(KernelTicket.Build(target, random), verification: new VerificationOptions(RandomInputs: 16, Seed: 1)));
            rows.Add(ConstructionSweepRow.Measure(UnstructuredTicket.Build(target, random), verification: new VerificationOptions(RandomInputs: 16, Seed: 1)));
        }
        return new ConstructionSweep([("command", "dotnet run -- construction --n 6,12"), ("machine", "test: a, b")], rows);
    }

    [Fact]
    public void SaveThenLoadGivesTheSameRowsAndProvenance()
    {
        var sweep = Measured();
        string path = TempFile("sweep.csv");
        sweep.Save(path);
        var loaded = ConstructionSweep.Load(path);
        Assert.Equal(sweep.Provenance, loaded.Provenance);
        Assert.Equal("test: a, b", loaded["machine"]);
        Assert.Null(loaded["absent"]);
        Assert.Equal(sweep.Rows.Count, loaded.Rows.Count);
        foreach (var (a, b) in sweep.Rows.Zip(loaded.Rows))
        {
            Assert.Equal((a.Variant, a.N, a.Seed, a.Slices, a.Within002, a.Within005, a.Within01), (b.Variant, b.N, b.Seed, b.Slices, b.Within002, b.Within005, b.Within01));
            Assert.Equal((a.RandomWeights, a.KeptWeights, a.CompactWeights, a.CompactMacs), (b.RandomWeights, b.KeptWeights, b.CompactWeights, b.CompactMacs));
            Assert.Equal(a.MaxSliceError, b.MaxSliceError, 1e-5 * Math.Max(1, a.MaxSliceError));
            Assert.Equal(a.MedianSliceError, b.MedianSliceError, 1e-5 * Math.Max(1, a.MedianSliceError));
            Assert.Equal(a.RandomSupError, b.RandomSupError, 1e-5 * Math.Max(1, a.RandomSupError));
            Assert.Equal(a.Seconds, b.Seconds, 0.006);
            Assert.Null(b.TicketAccuracy);
        }
        // Saving what was loaded writes the same bytes.
        string again = TempFile("again.csv");
        loaded.Save(again);
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(again));
        Assert.Equal(2, loaded.Of(TicketVariant.Kernel).Count);
    }

    [Fact]
    public void RowsRecordTheTicketTheyMeasure()
    {
        var target = Target(NonNegative);
        var random = RandomNetwork.Create(NonNegative, 12, seed: 5);
        var ticket = KernelTicket.Build(target, random);
        var row = ConstructionSweepRow.Measure(ticket, verification: new VerificationOptions(RandomInputs: 16, Seed: 1));
        Assert.Equal(ticket.Slices.Count, row.Slices);
        Assert.Equal(ticket.MaxSliceError, row.MaxSliceError);
        Assert.Equal(ticket.Slices.Count(s => s.Error <= 0.05), row.Within(0.05));
        Assert.Equal(12, row.N);
        Assert.Equal(5, row.Seed);
        Assert.Equal(ticket.Compact().Macs, row.CompactMacs);
        Assert.Throws<ArgumentOutOfRangeException>(() => row.Within(0.03));
        var perLayer = RandomNetwork.Create(NonNegative, [6, 12], seed: 5);
        var e = Assert.Throws<ArgumentException>(() => ConstructionSweepRow.Measure(KernelTicket.Build(target, perLayer)));
        Assert.Contains("one n for every layer", e.Message);
    }

    public static TheoryData<string, string, string> Damages() => new()
    {
        { "first line", "# lottery-tickets construction sweep, version 2", "line 1" },
        { "provenance", "#command dotnet", "line 2" },
        { "header", "variant,n,seed", "line 4" },
        { "cells", "kernel,6,5,0.10", "a row has 20 cells; this one has 4" },
        { "variant", "Kernel,", "variant must be kernel, filter or unstructured" },
        { "number", ",NaN,", "must be a finite number" },
        { "integer", ",6.5,", "n must be an integer" },
        { "within", ",within-order,", "grow with η" },
        { "accuracy", ",accuracy-above-one,", "a share in [0, 1]" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedFilesAreRejectedNamingFileLineAndDefect(string kind, string replacement, string expected)
    {
        var sweep = Measured();
        string path = TempFile("sweep.csv");
        sweep.Save(path);
        var lines = File.ReadAllLines(path);
        int row = 4;   // format line, two provenance lines, header, first row
        switch (kind)
        {
            case "first line": lines[0] = replacement; break;
            case "provenance": lines[1] = replacement; break;
            case "header": lines[3] = replacement; break;
            case "cells": lines[row] = replacement; break;
            case "variant": lines[row] = "Kernel" + lines[row][lines[row].IndexOf(',')..]; break;
            case "number": lines[row] = ReplaceCell(lines[row], 5, "NaN"); break;
            case "integer": lines[row] = ReplaceCell(lines[row], 1, "6.5"); break;
            case "within": lines[row] = ReplaceCell(lines[row], 8, (int.Parse(lines[row].Split(',')[9]) + 1).ToString()); break;
            case "accuracy": lines[row] = ReplaceCell(lines[row], 19, "1.5"); break;
        }
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<InvalidDataException>(() => ConstructionSweep.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
        if (kind is not ("first line" or "provenance" or "header")) Assert.Contains("line 5", e.Message);
    }

    private static string ReplaceCell(string line, int index, string value)
    {
        var cells = line.Split(',');
        cells[index] = value;
        return string.Join(",", cells);
    }

    [Fact]
    public void MissingFilesAndBadProvenanceAreRefused()
    {
        Assert.Throws<FileNotFoundException>(() => ConstructionSweep.Load(TempFile("absent.csv")));
        Assert.Throws<ArgumentException>(() => new ConstructionSweep([("a:b", "value")], []));
        Assert.Throws<ArgumentException>(() => new ConstructionSweep([("key", "two\nlines")], []));
        Assert.Throws<ArgumentException>(() => new ConstructionSweep([(" ", "value")], []));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FoldedKernelsGiveTheConstructionsSliceErrors(bool nonNegative)
    {
        var arch = nonNegative ? NonNegative : Signed;
        var ticket = KernelTicket.Build(Target(arch), RandomNetwork.Create(arch, 12, seed: 5));
        var fromSlices = SliceErrorSummary.Of(ticket);
        var fromFolded = SliceErrorSummary.OfFolded(ticket.Target, ticket.FoldedKernels());
        Assert.Equal(fromSlices.Count, fromFolded.Count);
        foreach (var (a, b) in fromSlices.Sorted.Zip(fromFolded.Sorted)) Assert.Equal(a, b, 1e-5);
        Assert.Throws<ArgumentException>(() => SliceErrorSummary.OfFolded(ticket.Target, ticket.FoldedKernels().Take(1).ToList()));
    }

    [Fact]
    public void SliceErrorSummaryCountsTiesAndQuantilesLikeASortedList()
    {
        var summary = SliceErrorSummary.Of([0.05, 0.01, 0.05, 0.2, 0.05]);
        Assert.Equal(5, summary.Count);
        Assert.Equal(4, summary.Within(0.05));
        Assert.Equal(1, summary.Within(0.049));
        Assert.Equal(0, summary.Within(0.001));
        Assert.Equal(5, summary.Within(1));
        Assert.Equal(1, summary.Above(0.05));
        Assert.Equal(0.05, summary.Median);
        Assert.Equal(0.2, summary.Max);
        Assert.Equal(0.01, summary.Min);
        Assert.Equal(0.01 + 0.5 * 0.04, summary.Quantile(0.125), 12);
        Assert.Equal(0.8, summary.ShareWithin(0.05));
        Assert.Throws<ArgumentException>(() => SliceErrorSummary.Of(Array.Empty<double>()));
        Assert.Throws<ArgumentException>(() => SliceErrorSummary.Of([0.1, double.NaN]));
        Assert.Throws<ArgumentException>(() => SliceErrorSummary.Of([-0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => summary.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => summary.Within(double.NaN));
    }
}
