using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Timing;

/// <summary>
/// Finds subnormal ("denormal") floats: non-zero numbers smaller in magnitude than the smallest normal number of their
/// type (1.17549435e-38 for float32). Many CPUs handle arithmetic on them in microcode, tens of times slower, so a
/// network whose weights decayed into that range can be mysteriously slow. PyTorch's answer,
/// <c>torch.set_flush_denormal(True)</c>, is not exposed by TorchSharp; this check looks at the weights instead and,
/// if asked, flushes them to zero. (On the AMD EPYC machines this workbook was written on, subnormals made no
/// measurable difference: see docs/timing.md.)
/// </summary>
public static class SubnormalCheck
{
    /// <summary>Number of subnormal entries of a floating-point tensor (0 for other element types).</summary>
    public static long Count(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (SmallestNormal(tensor.dtype) is not double smallest) return 0;
        using var scope = NewDisposeScope();
        // Owned scalars: an implicitly converted one can be finalized while libtorch still reads it (TargetTrainer explains).
        using Scalar bound = smallest, zero = 0.0;
        var values = tensor.detach();
        var mask = values.abs().lt(bound).logical_and(values.ne(zero));
        return mask.count_nonzero().item<long>();
    }

    /// <summary>Sets the subnormal entries of <paramref name="tensor"/> to zero in place; returns how many there were.</summary>
    public static long FlushToZero(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (SmallestNormal(tensor.dtype) is not double smallest) return 0;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using Scalar bound = smallest, zero = 0.0;
        var mask = tensor.abs().lt(bound).logical_and(tensor.ne(zero));
        long count = mask.count_nonzero().item<long>();
        if (count > 0) tensor.masked_fill_(mask, zero);
        return count;
    }

    /// <summary>
    /// Checks every parameter of <paramref name="module"/> and handles subnormals as <paramref name="handling"/> says.
    /// </summary>
    /// <param name="module">The module.</param>
    /// <param name="name">Model name for the report.</param>
    /// <param name="handling">Flush or only report.</param>
    /// <param name="isCopy">True when the module is a copy made for timing (the report then says the original is unchanged).</param>
    public static SubnormalReport Inspect(nn.Module module, string name, SubnormalHandling handling = SubnormalHandling.Flush, bool isCopy = false)
    {
        ArgumentNullException.ThrowIfNull(module);
        long weights = 0, subnormal = 0;
        foreach (var p in module.parameters())
        {
            if (SmallestNormal(p.dtype) is null) continue;
            weights += p.numel();
            subnormal += handling == SubnormalHandling.Flush ? FlushToZero(p) : Count(p);
        }
        string action = subnormal == 0
            ? "none found, nothing done"
            : handling == SubnormalHandling.ReportOnly
                ? "reported only (timed as they are)"
                : isCopy ? "flushed to zero in the timed copy (the network itself is unchanged)" : "flushed to zero in place";
        return new SubnormalReport(name, weights, subnormal, action);
    }

    /// <summary>The smallest positive normal number of a floating-point element type, or null for other types.</summary>
    public static double? SmallestNormal(ScalarType type) => type switch
    {
        ScalarType.Float32 => 1.17549435e-38,
        ScalarType.Float64 => 2.2250738585072014e-308,
        ScalarType.Float16 => 6.103515625e-05,
        ScalarType.BFloat16 => 1.17549435e-38,
        _ => null,
    };
}
