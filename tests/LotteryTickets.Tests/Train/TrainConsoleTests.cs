using LotteryTickets.Train;

namespace LotteryTickets.Tests.Train;

/// <summary>The Train console's help and refusals (issue 12, item 16): nothing here trains or builds anything.</summary>
public sealed class TrainConsoleTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = TrainConsole.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("target", "--help")]
    [InlineData("construction", "--n", "16", "-h")]
    public void HelpPrintsUsageAndSucceedsWithoutRunningAnything(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(TrainConsole.Success, code);
        Assert.StartsWith("usage:", output.TrimStart());
        Assert.Contains("robustness", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void AnUnknownCommandIsRefusedWithTheCommandsListed()
    {
        var (code, _, error) = Run("train");
        Assert.Equal(TrainConsole.BadInput, code);
        Assert.Contains("unknown command 'train'", error);
        Assert.Contains("target, construction, robustness", error);
    }

    [Theory]
    [InlineData("--test-images -5", "--test-images must be between 1 and 10000; got -5.")]
    [InlineData("--test-images 20000", "--test-images must be between 1 and 10000; got 20000.")]
    [InlineData("--n 100000", "--n 100000 is too large: n (hidden channels per input channel) can be at most 4096.")]
    [InlineData("--n 16,5000", "--n 5000 is too large")]
    [InlineData("--n 1", "--n 1 is too small")]
    [InlineData("--parallel 0", "--parallel must be between 1 and 256; got 0.")]
    [InlineData("--threads 0", "--threads must be between 1 and 256; got 0.")]
    [InlineData("--tolerance -1", "--tolerance -1: SliceTolerance must be between 0 and 1; got -1.")]
    [InlineData("--epochs 3", "unknown option --epochs")]
    [InlineData("--target nope", "--target takes a committed target (fashion-mnist-3x3, fashion-mnist-2x2) or a target JSON file; got 'nope'.")]
    public void ConstructionRefusalsNameTheOptionAndTheValue(string arguments, string message)
        => AssertRefused("construction", arguments, message);

    [Theory]
    [InlineData("--targets nope", "--targets takes committed targets (fashion-mnist-3x3, fashion-mnist-2x2), separated by commas; got 'nope'.")]
    [InlineData("--eta 0.1,1", "--eta values must be strictly between 0 and 1; got 1.")]
    [InlineData("--eta 0.2,0.1 --accuracy-eta 0.05", "--accuracy-eta 0.05 must be one of --eta (0.2,0.1)")]
    [InlineData("--accuracy-seeds 101", "--accuracy-seeds must be between 0 and 100; got 101.")]
    [InlineData("--fraction 0", "--fraction must be in (0, 1]; got 0.")]
    [InlineData("--max-n 1", "--max-n must be between 2 and 4096; got 1.")]
    [InlineData("--n 16", "unknown option --n")]
    public void SizingRefusalsNameTheOptionAndTheValue(string arguments, string message) => AssertRefused("sizing", arguments, message);

    private static void AssertRefused(string command, string arguments, string message)
    {
        var (code, output, error) = Run([command, .. arguments.Split(' ')]);
        Assert.Equal(TrainConsole.BadInput, code);
        Assert.StartsWith($"error: {message}", error.Trim());
        Assert.Equal("", output);
    }

    [Fact]
    public void ConstructionWithASeedListWritesASweepWithProvenanceAndARowPerSeed()
    {
        string csv = Path.Combine(Directory.CreateTempSubdirectory("construction-").FullName, "sweep.csv");
        var (code, output, error) = Run("construction", "--target", "fashion-mnist-2x2", "--n", "16", "--seed", "1,2", "--variants", "kernel",
            "--test-images", "20", "--out", csv);
        Assert.True(code == TrainConsole.Success, error);
        var sweep = LotteryTickets.Pruning.ConstructionSweep.Load(csv);
        Assert.Equal([1, 2], sweep.Rows.Select(r => r.Seed));
        Assert.All(sweep.Rows, r => Assert.Equal(16, r.N));
        Assert.Contains("construction --target fashion-mnist-2x2 --n 16 --seed 1,2", sweep["command"]);
        Assert.Contains("fashion-mnist-2x2", sweep["target"]);
        Assert.Contains($"wrote {csv}", output);
    }

    [Fact]
    public void TooLargeANIsNotExplainedAsTooSmall()
    {
        var (_, _, error) = Run("construction", "--n", "100000");
        Assert.Contains($"at most {LotteryTickets.Networks.ConvLayerSpec.MaxChannels}", error);
        Assert.DoesNotContain("fewer", error);
        Assert.DoesNotContain("at least", error);
    }

    [Theory]
    [InlineData("--epochs 0", "--epochs 0: Epochs must be between 1 and 100; got 0.")]
    [InlineData("--batch 0", "--batch 0: BatchSize must be between 1 and 4096; got 0.")]
    [InlineData("--lr 5", "--lr 5: LearningRate must be in (0, 1]; got 5.")]
    [InlineData("--shift 9", "--shift 9: MaxShift must be between 0 and 8; got 9.")]
    [InlineData("--weight-noise -0.1", "--weight-noise -0.1: WeightNoise must be between 0 and MaxAbsWeight (1); got -0.1.")]
    [InlineData("--train-images 0", "--train-images must be between 1 and 60000; got 0.")]
    [InlineData("--schedule linear", "--schedule takes constant, cosine; got 'linear'.")]
    [InlineData("--flip maybe", "--flip takes true or false; got 'maybe'.")]
    [InlineData("--target nope", "no committed target is called 'nope'; the committed targets are fashion-mnist-3x3, fashion-mnist-2x2.")]
    [InlineData("--layers 8:3:1:0,12:3:2:0 --out x.json", "--layers '8:3:1:0,12:3:2:0': the last layer must have 10 output channels, one per Fashion-MNIST class; got 12.")]
    [InlineData("--layers 8:3:1,10:3:1:0 --out x.json", "--layers takes c_out:kernel:stride:padding for each layer, separated by commas (e.g. 8:3:1:0,16:3:2:0,10:3:1:0); got '8:3:1' in '8:3:1,10:3:1:0'.")]
    [InlineData("--layers 8:3:1:0,10:3:1:0", "--layers trains another architecture than the committed target's; say where to write it with --out (for example --out artifacts/targets/mine.json).")]
    public void TargetRefusalsNameTheOptionAndTheValue(string arguments, string message)
    {
        var (code, output, error) = Run(["target", .. arguments.Split(' ')]);
        Assert.Equal(TrainConsole.BadInput, code);
        Assert.Equal($"error: {message}", error.Trim());
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("--eta 0.02,2", "--eta values must be between 0 and 1; got 2.")]
    [InlineData("--eta small", "--eta takes comma-separated numbers; got 'small'.")]
    [InlineData("--noise-seeds 0", "--noise-seeds must be between 1 and 100; got 0.")]
    [InlineData("--noise gaussian", "--noise takes uniform, corners; got 'gaussian'.")]
    public void RobustnessRefusalsNameTheOptionAndTheValue(string arguments, string message)
    {
        var (code, _, error) = Run(["robustness", .. arguments.Split(' ')]);
        Assert.Equal(TrainConsole.BadInput, code);
        Assert.Equal($"error: {message}", error.Trim());
    }

    [Fact]
    public void LayersParseIntoTheSupportedClass()
    {
        var architecture = TrainConsole.ParseLayers("8:3:1:1, 16:3:2:1,10:3:1:0");
        Assert.Equal(3, architecture.Layers.Count);
        Assert.Equal(new LotteryTickets.Networks.ConvLayerSpec(8, 16, 3, 2, 1), architecture.Layers[1]);
        Assert.True(architecture.InputNonNegative);
        Assert.Equal(8 + 128 + 160, architecture.SliceCount);
    }
}
