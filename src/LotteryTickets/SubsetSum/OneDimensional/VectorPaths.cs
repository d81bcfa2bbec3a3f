namespace LotteryTickets.SubsetSum;

/// <summary>
/// Which vector instructions the 1-D sum code may use on the calling thread: all the processor has (the default), at most
/// 256-bit vectors, or none. The vectorized merge and gap scan must give the same answers bit for bit as their scalar
/// fallbacks; tests pin a narrower path with <see cref="Limit"/> to check that on a processor that would otherwise never run
/// the fallback. The setting is per thread, so tests running in parallel do not see each other's.
/// </summary>
internal static class VectorPaths
{
    [ThreadStatic] private static VectorWidth t_widest;

    /// <summary>The widest vectors allowed on this thread (<see cref="VectorWidth.Any"/> unless a <see cref="Limit"/> scope is open).</summary>
    public static VectorWidth Widest => t_widest;

    /// <summary>Whether 512-bit vectors may be used on this thread (the processor must still support them).</summary>
    public static bool Allows512 => t_widest == VectorWidth.Any;

    /// <summary>Whether 256-bit vectors may be used on this thread.</summary>
    public static bool Allows256 => t_widest != VectorWidth.Scalar;

    /// <summary>Restricts this thread to <paramref name="widest"/> until the returned scope is disposed.</summary>
    public static Scope Limit(VectorWidth widest)
    {
        var previous = t_widest;
        t_widest = widest;
        return new Scope(previous);
    }

    /// <summary>Restores the previous setting when disposed.</summary>
    public readonly struct Scope(VectorWidth previous) : IDisposable
    {
        public void Dispose() => t_widest = previous;
    }
}

/// <summary>The widest vectors a code path may use (see <see cref="VectorPaths"/>).</summary>
internal enum VectorWidth
{
    /// <summary>Whatever the processor supports.</summary>
    Any,

    /// <summary>At most 256-bit vectors.</summary>
    Vector256,

    /// <summary>No explicit vectors: the scalar fallback.</summary>
    Scalar,
}
