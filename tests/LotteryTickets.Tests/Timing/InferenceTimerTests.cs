using LotteryTickets.Networks;
using LotteryTickets.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Timing;

public sealed class InferenceTimerTests
{
    private static readonly TimingOptions Quick = new()
    {
        BatchSizes = [1, 3],
        Threads = 1,
        WarmupRepetitions = 1,
        FixedRepetitions = 6,
        RoundSize = 4,
    };

    [Fact]
    public void ReturnsSaneStatisticsForATinyModule()
    {
        using var conv = nn.Conv2d(1, 2, 3, padding: 1);
        conv.train();
        int threadsBefore = get_num_threads();
        var report = InferenceTimer.Measure(conv, "tiny conv", [1, 8, 8], Quick);

        Assert.Equal(2, report.Rows.Count);
        Assert.Equal(new[] { 1, 3 }, report.BatchSizes);
        foreach (var row in report.Rows)
        {
            Assert.Equal(("tiny conv", 1, 6), (row.Model, row.Threads, row.Repetitions));
            Assert.True(row.MinMs > 0);
            Assert.True(row.MinMs <= row.LowerQuartileMs && row.LowerQuartileMs <= row.MedianMs && row.MedianMs <= row.UpperQuartileMs);
            Assert.Equal(row.BatchSize / (row.MedianMs / 1000), row.ImagesPerSecond, 6);
            Assert.Equal(64L * 18, row.MacsPerImage);
        }
        Assert.Equal(6, report.Samples[0].Ms.Count);
        Assert.Equal(report.Rows[0].MedianMs, LatencySummary.Of(report.Samples[0].Ms).Median);
        Assert.Equal(1, report.Conditions.TorchThreads);
        Assert.Equal("none found, nothing done", report.Subnormals.Single().Action);
        // The caller's thread count and training mode come back.
        Assert.Equal(threadsBefore, get_num_threads());
        Assert.True(conv.training);
    }

    [Fact]
    public void StabilityRuleStopsBetweenTheLimits()
    {
        var network = TargetCnn.RandomUniform(MacCounterTests.Tiny, seed: 1).ToNetwork("tiny target");
        var options = new TimingOptions { BatchSizes = [2], Threads = 1, WarmupRepetitions = 0, MinRepetitions = 3, MaxRepetitions = 40, RoundSize = 3, StabilityTolerance = 0.5 };
        var report = InferenceTimer.Measure([network, network.WithName("copy")], options);
        Assert.Equal(new[] { "tiny target", "copy" }, report.Models);
        foreach (var row in report.Rows)
        {
            Assert.InRange(row.Repetitions, 3, 40);
            Assert.Equal(network.Macs, row.MacsPerImage);
        }
        Assert.All(report.Subnormals, s => Assert.Equal(0, s.Subnormal));
    }

    [Fact]
    public void BadOptionsAreRejected()
    {
        using var conv = nn.Conv2d(1, 1, 3);
        Assert.Equal("BatchSizes", Assert.Throws<ArgumentOutOfRangeException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { BatchSizes = [4, 0] })).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { BatchSizes = [-3] }));
        Assert.Throws<ArgumentException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { BatchSizes = [] }));
        Assert.Equal("FixedRepetitions", Assert.Throws<ArgumentOutOfRangeException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { FixedRepetitions = 0 })).ParamName);
        Assert.Equal("MinRepetitions", Assert.Throws<ArgumentOutOfRangeException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { MinRepetitions = 0 })).ParamName);
        Assert.Equal("MaxRepetitions", Assert.Throws<ArgumentOutOfRangeException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { MinRepetitions = 10, MaxRepetitions = 5 })).ParamName);
        var threads = Assert.Throws<ArgumentOutOfRangeException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { Threads = 0 }));
        Assert.Equal("Threads", threads.ParamName);
        Assert.Contains("got 0", threads.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => InferenceTimer.Measure(conv, "c", [1, 5, 5], Quick with { StabilityTolerance = 0 }));
        Assert.Throws<ArgumentException>(() => InferenceTimer.Measure(conv, "c", [1, 0, 5], Quick));
        Assert.Throws<ArgumentException>(() => InferenceTimer.Measure(Array.Empty<TimedModel>(), Quick));
        var net = TargetCnn.RandomUniform(MacCounterTests.Tiny, seed: 1).ToNetwork("same");
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => InferenceTimer.Measure([net, net], Quick)).Message);
    }

    [Fact]
    public void LatencySummaryUsesInterpolatedQuartiles()
    {
        var five = LatencySummary.Of([5, 1, 4, 2, 3]);
        Assert.Equal((5, 3.0, 2.0, 4.0, 1.0), (five.Count, five.Median, five.LowerQuartile, five.UpperQuartile, five.Min));
        var four = LatencySummary.Of([4, 3, 2, 1]);
        Assert.Equal((2.5, 1.75, 3.25, 1.5), (four.Median, four.LowerQuartile, four.UpperQuartile, four.InterquartileRange));
        Assert.Throws<ArgumentException>(() => LatencySummary.Of([]));
        Assert.Throws<ArgumentException>(() => LatencySummary.Of([1, -1]));
        Assert.Throws<ArgumentException>(() => LatencySummary.Of([1, double.NaN]));
    }

    [Fact]
    public void QuietingLibTorchAndDescribingMallocNeverThrow()
    {
        string status = LibTorchLogging.QuietWarnings();
        Assert.Same(status, LibTorchLogging.QuietWarnings());
        if (OperatingSystem.IsLinux()) Assert.StartsWith("c10::initLogging() called", status);
        Assert.False(string.IsNullOrWhiteSpace(MallocTuning.Describe()));
    }
}
