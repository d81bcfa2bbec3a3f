using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.SubsetSum;
using LotteryTickets.Workbook;
using static TorchSharp.torch;

namespace LotteryTickets.Tests.Reliability;

/// <summary>
/// Refusals that must tell the truth: every bad argument gets an ArgumentException naming the parameter, with no
/// overflowed numbers in the message, never an OverflowException, an OutOfMemoryException or a silent NaN.
/// </summary>
public class InputGuardTests
{
    // 8·2^n overflows a long from n = 60 on: the message must still give a true (positive, non-zero) size.
    [Theory]
    [InlineData(29)]
    [InlineData(59)]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(70)]
    public void Coverage_radius_of_too_many_values_names_a_true_memory_need(int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CoverageRadius.Of(new double[n]));
        Assert.Equal("values", e.ParamName);
        Assert.DoesNotContain("-9,", e.Message);
        Assert.DoesNotContain(" 0 bytes", e.Message);
        Assert.Contains($"2^{n} subset sums", e.Message);
        Assert.Matches(@"would need (about )?[1-9][\d,.]*(e\+?\d+)? bytes", e.Message);
    }

    [Theory]
    [InlineData(54)]
    [InlineData(59)]
    [InlineData(60)]
    [InlineData(62)]
    [InlineData(64)]
    [InlineData(70)]
    public void Meet_in_the_middle_of_too_many_values_names_a_true_memory_need(int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MeetInTheMiddle.BestSubset(new double[n], 0.5));
        Assert.Equal("values", e.ParamName);
        Assert.DoesNotContain("-9,", e.Message);
        Assert.DoesNotContain(" 0 bytes", e.Message);
        Assert.DoesNotContain("more than 2^", e.Message);
        Assert.Matches(@"would need (about )?[1-9][\d,.]*(e\+?\d+)? bytes", e.Message);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(62)]
    [InlineData(100)]
    public void Experiment_with_a_huge_max_n_names_a_true_memory_need(int maxN)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, maxN, 10, 1));
        Assert.Equal("maxN", e.ParamName);
        Assert.DoesNotContain("-9,", e.Message);
        Assert.DoesNotContain(" 0 bytes", e.Message);
        Assert.DoesNotContain("impossible", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Experiment_with_max_n_below_one_says_so(int maxN)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, maxN, 10, 1));
        Assert.Equal("maxN", e.ParamName);
        Assert.Contains("maxN must be at least 1", e.Message);
        Assert.DoesNotContain("memory", e.Message);
    }

    [Fact]
    public void Experiment_with_int_max_trials_is_refused_as_an_argument()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SubsetSumExperiment.Run(ValueDistribution.Uniform, 10, int.MaxValue, 1));
        Assert.Equal("trials", e.ParamName);
        Assert.Contains("2,147,483,647", e.Message);
    }

    [Fact]
    public void Sampling_int_max_values_is_refused_as_an_argument()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScalarSampler.Sample(ValueDistribution.Uniform, int.MaxValue, new Random(1)));
        Assert.Equal("n", e.ParamName);
        // 16 GiB: refused by the memory available, or (on a machine with more) by the largest array .NET allows.
        Assert.Matches("available|the largest array", e.Message);
    }

    [Fact]
    public void Vectors_of_int_max_dimension_are_refused_as_an_argument()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => VectorSampler.Gaussian(int.MaxValue).Sample(2, 1));
        Assert.Equal("dimension", e.ParamName);
        var many = Assert.Throws<ArgumentOutOfRangeException>(() => VectorSampler.Gaussian(1000).Sample(int.MaxValue, 1));
        Assert.Equal("n", many.ParamName);
        Assert.Contains("available", many.Message);
    }

    [Fact]
    public void Error_budget_refuses_non_finite_or_negative_inputs()
    {
        var target = TargetCnn.RandomUniform(TargetArchitecture.FashionMnist2x2, 1);
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.FromSliceErrors(target, [double.NaN, 0, 0, 0]));
        Assert.Equal("sliceErrors", nan.ParamName);
        Assert.Contains("sliceErrors[0]", nan.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.FromSliceErrors(target, [0, -0.1, 0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.FromSliceErrors(target, [0, double.PositiveInfinity, 0, 0]));
        var input = Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.FromSliceErrors(target, [0.01, 0.01, 0.01, 0.01], inputBound: -1));
        Assert.Equal("inputBound", input.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.FromSliceErrors(target, [0.01, 0.01, 0.01, 0.01], inputBound: double.NaN));
        Assert.True(ErrorBudget.FromSliceErrors(target, [0.01, 0.01, 0.01, 0.01]).Bound > 0);
    }

    [Fact]
    public void Error_budget_refuses_non_finite_folded_kernels()
    {
        var target = TargetCnn.RandomUniform(TargetArchitecture.FashionMnist2x2, 1);
        var folded = target.Kernels.Select((k, l) => new FoldedLayer(l, k.Select(w => (double)w).ToArray(), null)).ToList();
        folded[2].Positive[3] = double.NaN;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.FromFolded(target, folded));
        Assert.Equal("folded", e.ParamName);
        Assert.Contains("layer 2", e.Message);
    }

    [Fact]
    public void Grid_coverage_refuses_a_starting_grid_larger_than_the_memory_available()
    {
        double[][] vectors = VectorSampler.Gaussian(2).Sample(20, 1);
        // (2/1e-5)^2 = 4e10 starting cells: terabytes before the first point would be evaluated.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Check(vectors, 1e-5, pointLimit: 1_000_000_000_000));
        Assert.Equal("epsilon", e.ParamName);
        Assert.Contains("available", e.Message);
        Assert.Contains("bytes", e.Message);
        var bounds = Assert.Throws<ArgumentOutOfRangeException>(() => GridCoverage.Bounds(vectors, 1e-6, pointLimit: 1_000_000_000_000));
        Assert.Equal("resolution", bounds.ParamName);
    }

    [Fact]
    public void A_forward_pass_larger_than_the_memory_available_is_refused_before_libtorch_allocates()
    {
        // n = 4096 on the default target: 4096 hidden channels at 28x28 in layer 0, about 12.8 MB per image, 52 GB at batch 4096.
        var random = RandomNetwork.Create(TargetArchitecture.FashionMnist2x2, [4096, 2, 2, 2], 1);
        using var module = random.ToNetwork().ToModule();
        using var scope = NewDisposeScope();
        using var input = zeros(4096, 1, 28, 28);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => module.call(input));
        Assert.Equal("input", e.ParamName);
        Assert.Contains("batch 4096", e.Message);
        Assert.Contains("available", e.Message);
        // A small batch of the same network runs.
        using var small = zeros(2, 1, 28, 28);
        using var output = module.call(small);
        Assert.Equal([2L, 10L], output.shape);
    }

    [Fact]
    public void Memory_guard_message_says_what_was_asked_and_what_is_available()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MemoryGuard.Check(30L << 30, "batch", 4096, "a forward pass at batch 4096", "use a smaller batch", available: 8L << 30));
        Assert.Equal("batch", e.ParamName);
        Assert.Contains("32,212,254,720 bytes (30.0 GiB)", e.Message);
        Assert.Contains("8,589,934,592 bytes (8.0 GiB) available", e.Message);
        Assert.Contains("use a smaller batch", e.Message);
        MemoryGuard.Check(1L << 30, "batch", 1, "small", "", available: 8L << 30);
        Assert.True(MemoryGuard.AvailableBytes() > 0);
    }
}
