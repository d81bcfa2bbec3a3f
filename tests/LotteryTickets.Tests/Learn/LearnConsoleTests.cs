using LotteryTickets.Learn;

namespace LotteryTickets.Tests.Learn;

/// <summary>The Learn console's help and refusals: nothing here loads data, learns or builds anything.</summary>
public sealed class LearnConsoleTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = LearnConsole.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--n", "64", "-h")]
    public void HelpPrintsUsageAndSucceedsWithoutRunningAnything(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(LearnConsole.Success, code);
        Assert.StartsWith("usage:", output.TrimStart());
        Assert.Contains("--granularities", output);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("--n 1", "--n 1 is too small: n (hidden channels per input channel) must be at least 2.")]
    [InlineData("--n 64,100000", "--n 100000 is too large: n (hidden channels per input channel) can be at most 4096.")]
    [InlineData("--n 64,64", "--n lists a value twice: 64,64.")]
    [InlineData("--n many", "--n takes an integer; got 'many'.")]
    [InlineData("--seeds 1,1", "--seeds lists a seed twice: 1,1.")]
    [InlineData("--epochs 0", "--epochs 0: Epochs must be between 1 and 100; got 0.")]
    [InlineData("--batch 5000", "--batch 5000: BatchSize must be between 1 and 4096; got 5000.")]
    [InlineData("--lr -1", "--lr -1: LearningRate must be in [0, 100] (0 freezes the scores); got -1.")]
    [InlineData("--optimizer rmsprop", "--optimizer takes adam, sgdmomentum; got 'rmsprop'.")]
    [InlineData("--granularities kernel,filter", "--granularities takes weight, kernel, channel; got 'filter'.")]
    [InlineData("--granularities kernel,kernel", "--granularities lists one twice: kernel,kernel.")]
    [InlineData("--train-images 0", "--train-images must be between 1 and 60000; got 0.")]
    [InlineData("--test-images 20000", "--test-images must be between 1 and 10000; got 20000.")]
    [InlineData("--tolerance 2", "--tolerance 2: SliceTolerance must be between 0 and 1; got 2.")]
    [InlineData("--parallel 0", "--parallel must be between 1 and 256; got 0.")]
    [InlineData("--threads 0", "--threads must be between 1 and 256; got 0.")]
    [InlineData("--timing-batch -1", "--timing-batch values must be between 0 (no timing) and 4096; got -1.")]
    [InlineData("--timing-seconds 0", "--timing-seconds must be in (0, 600]; got 0.")]
    [InlineData("--target nope", "--target takes a committed target (fashion-mnist-3x3, fashion-mnist-2x2) or a target JSON file; got 'nope'.")]
    [InlineData("--rounds 3", "unknown option --rounds")]
    public void RefusalsNameTheOptionAndTheValue(string arguments, string message)
    {
        var (code, output, error) = Run(arguments.Split(' '));
        Assert.Equal(LearnConsole.BadInput, code);
        Assert.StartsWith($"error: {message}", error.Trim());
        Assert.Equal("", output);
    }

    [Fact]
    public void AMissingTargetFileIsRefused()
    {
        var (code, _, error) = Run("--target", "data/no-such-target.json");
        Assert.Equal(LearnConsole.BadInput, code);
        Assert.Contains("no-such-target.json", error);
    }
}
