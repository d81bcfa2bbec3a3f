using LotteryTickets.Pruning;
using LotteryTickets.Timing;
using LotteryTickets.Workbook;

namespace LotteryTickets.Tests.Timing;

public sealed class TimingReportTests
{
    private static TimingReport Sample()
    {
        var conditions = new TimingConditions(new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc),
            new MachineFacts("Linux test", "X64", 2, ".NET 10", 1), "Test CPU", [new PackageCheck("TorchSharp-cpu", "0.107.0", "0.107.0", true)],
            1, "(not set)", "malloc as is", "quiet", "1.00 0.50 0.25", "1.10 0.60 0.30", "note, with comma");
        var cost = new ModelCost("a, \"quoted\" model", "1x28x28", [MacCounter.Conv2d(1, 8, 28, 28, 3, padding: 1, nonzeroWeights: 30, name: "op0")]);
        var rows = new[]
        {
            new TimingRow("a, \"quoted\" model", 1, 1, 10, 0.123456789, 0.1, 0.2, 0.05, cost.Macs, cost.EffectiveMacs, cost.Parameters, cost.NonzeroParameters, true),
            new TimingRow("plain", 128, 1, 200, 12.5, 11.25, 13.75, 10.0, 1000, 1000, 72, 72, false),
        };
        return new TimingReport(conditions, [cost], rows, [new SubnormalReport("plain", 72, 0, "none found, nothing done")],
            [new LatencySamples("plain", 128, [12.5, 11.25, 13.75])]);
    }

    [Fact]
    public void CsvRoundTripKeepsEveryRow()
    {
        var report = Sample();
        string path = Path.Combine(Path.GetTempPath(), $"timing-{Guid.NewGuid():N}.csv");
        try
        {
            report.WriteCsv(path);
            Assert.StartsWith("# ", File.ReadAllText(path));
            Assert.Equal(report.Rows, TimingReport.ReadCsv(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void JsonRoundTripKeepsTheWholeReport()
    {
        var report = Sample();
        string folder = Path.Combine(Path.GetTempPath(), $"timing-{Guid.NewGuid():N}");
        try
        {
            var (csv, json) = report.Save(folder, "run");
            Assert.True(File.Exists(csv));
            var back = TimingReport.ReadJson(json);
            Assert.Equal(report.Rows, back.Rows);
            Assert.Equal(report.Subnormals, back.Subnormals);
            Assert.Equal(report.Costs[0].Layers, back.Costs[0].Layers);
            Assert.Equal(report.Costs[0].Macs, back.Costs[0].Macs);
            Assert.Equal(report.Samples[0].Ms, back.Samples[0].Ms);
            Assert.Equal(report.Conditions with { Packages = [] }, back.Conditions with { Packages = [] });
            Assert.Equal(report.Conditions.Packages, back.Conditions.Packages);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CorruptFilesGiveClearErrors()
    {
        string path = Path.Combine(Path.GetTempPath(), $"timing-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(path, "model,batch_size\nx,1\n");
            Assert.Contains("column 'threads' missing", Assert.Throws<InvalidDataException>(() => TimingReport.ReadCsv(path)).Message);
            File.WriteAllText(path, "{ not json");
            Assert.Throws<InvalidDataException>(() => TimingReport.ReadJson(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SpeedUpsCompareMediansAndMacs()
    {
        var slow = new TimingRow("masked", 128, 1, 10, 100, 90, 110, 80, 8000, 1000, 1, 1, true);
        var fast = new TimingRow("compact", 128, 1, 10, 25, 20, 30, 19, 2000, 1000, 1, 1, true);
        var s = SpeedupRow.Of(fast, slow);
        Assert.Equal((4.0, 4.0, 1.0), (s.MacRatio, s.SpeedUp, s.Efficiency));
        Assert.Equal(90 / 30.0, s.SpeedUpLow, 12);
        Assert.Equal(110 / 20.0, s.SpeedUpHigh, 12);
        Assert.Throws<ArgumentException>(() => SpeedupRow.Of(fast with { BatchSize = 1 }, slow));

        var report = Sample() with { Rows = [slow, fast] };
        Assert.Equal(s, TicketTiming.SpeedUpsOverMasked(report with { Rows = [slow with { Model = TicketFamily.Name(TicketRole.MaskedKernel) }, fast] }).Single() with { Baseline = "masked" });
        Assert.Throws<ArgumentException>(() => TicketTiming.SpeedUpsOverMasked(report));
        Assert.Throws<ArgumentException>(() => report.Row("compact", 16));
    }
}
