using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LotteryTickets.SubsetSum;

/// <summary>
/// The merge-doubling step L_{k+1} = merge(L_k, L_k + x) eight sums at a time with AVX-512, in place and backwards like
/// <see cref="SubsetSums.MergeDouble(Span{double}, int, double)"/>. A branchy scalar merge loses about half its time to
/// mispredicted branches (whether the next sum comes from the shifted copy is a coin flip); this one keeps the eight
/// largest sums not yet written in a register ("carry", descending), loads the next eight from whichever copy has the
/// larger next sum, and merges the two sorted vectors with a bitonic network (a min/max, then three exchange stages):
/// the upper eight are written, the lower eight are the new carry. About four to five times faster on this project's
/// machine. Every sum is still an input sum or an input sum plus x, computed once in double precision, and the lists
/// never hold -0.0 (sums start at +0.0), so equal sums are bit-identical and the list is the same bit for bit as the
/// scalar merge's, whatever the order in which ties are written.
/// <para>In-place safety: after a block is loaded, the sums not yet loaded are buffer[0..ia) of the shifted copy and
/// buffer[0..jb) of the plain one, and the block is written at [ia + jb + 8, ia + jb + 16), above both.
/// Why the eight written are the largest left: every carried sum from copy C is at least C's next unloaded sum; the
/// loaded block is the eight largest unloaded sums of the copy whose next sum is larger, so every sum still unloaded is
/// at most eight of the sixteen in registers.</para>
/// </summary>
internal static class VectorMerge
{
    /// <summary>Whether the vectorized step runs on this processor (it needs AVX-512F).</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>Smallest input count the vectorized step handles (two blocks of eight in each copy); below, use the scalar merge.</summary>
    public const int MinCount = 16;

    private static readonly Vector512<long> Reverse = Vector512.Create(7L, 6, 5, 4, 3, 2, 1, 0);
    private static readonly Vector512<double> UpperFour = Vector512.Create(0, 0, 0, 0, -1L, -1, -1, -1).AsDouble();
    private static readonly Vector512<double> UpperTwo = Vector512.Create(0, 0, -1L, -1, 0, 0, -1, -1).AsDouble();
    private static readonly Vector512<double> UpperOne = Vector512.Create(0, -1L, 0, -1, 0, -1, 0, -1).AsDouble();

    /// <summary>
    /// buffer[0..count) is ascending; afterwards buffer[0..2·count) is the ascending merge of it with itself shifted by x.
    /// Needs <see cref="IsSupported"/> and count &gt;= <see cref="MinCount"/>; the buffer must hold 2·count entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MergeDouble(Span<double> buffer, int count, double x)
    {
        if (!IsSupported || count < MinCount || buffer.Length < 2L * count)
            throw new InvalidOperationException("VectorMerge.MergeDouble needs AVX-512F, count >= 16 and a buffer of 2·count entries.");
        ref double b = ref MemoryMarshal.GetReference(buffer);
        var shift = Vector512.Create(x);
        long xBits = BitConverter.DoubleToInt64Bits(x);
        nint ia = count - 8, jb = count - 8;
        var first = Vector512.LoadUnsafe(ref b, (nuint)ia) + shift;
        var second = Avx512F.PermuteVar8x64(Vector512.LoadUnsafe(ref b, (nuint)jb), Reverse);
        SortAscending(Avx512F.Max(first, second)).StoreUnsafe(ref b, (nuint)(2 * count - 8));
        var carry = SortDescending(Avx512F.Min(first, second));
        while (ia >= 8 && jb >= 8)
        {
            // Take the copy with the larger next sum, without a branch: mask is all ones for the shifted copy.
            double nextShifted = Unsafe.Add(ref b, ia - 1) + x, nextPlain = Unsafe.Add(ref b, jb - 1);
            nint mask = -(nint)(nextShifted >= nextPlain ? 1 : 0);
            nint from = jb + ((ia - jb) & mask) - 8;
            ia += (from - ia) & mask;
            jb = from + ((jb - from) & mask);
            var block = Vector512.LoadUnsafe(ref b, (nuint)from) + Vector512.Create(BitConverter.Int64BitsToDouble(xBits & mask));
            SortAscending(Avx512F.Max(block, carry)).StoreUnsafe(ref b, (nuint)(ia + jb + 8));
            carry = SortDescending(Avx512F.Min(block, carry));
        }
        Finish(ref b, carry, ia, jb, x);
    }

    // The carry (descending) and the sums left in both copies, merged one by one below the carry's slots.
    private static void Finish(ref double b, Vector512<double> carry, nint ia, nint jb, double x)
    {
        Span<double> rest = stackalloc double[8];
        carry.StoreUnsafe(ref MemoryMarshal.GetReference(rest));
        int c = 0;
        nint i = ia - 1, j = jb - 1, w = ia + jb + 7;
        while (c < 8)
        {
            double best = rest[c];
            int source = 0;
            if (i >= 0 && Unsafe.Add(ref b, i) + x > best) { best = Unsafe.Add(ref b, i) + x; source = 1; }
            if (j >= 0 && Unsafe.Add(ref b, j) > best) { best = Unsafe.Add(ref b, j); source = 2; }
            Unsafe.Add(ref b, w--) = best;
            if (source == 0) c++;
            else if (source == 1) i--;
            else j--;
        }
        while (i >= 0 && j >= 0)
        {
            double shifted = Unsafe.Add(ref b, i) + x, plain = Unsafe.Add(ref b, j);
            if (shifted >= plain) { Unsafe.Add(ref b, w--) = shifted; i--; }
            else { Unsafe.Add(ref b, w--) = plain; j--; }
        }
        for (; i >= 0; i--) Unsafe.Add(ref b, i) += x;
    }

    // A bitonic vector of eight sorted ascending: exchanges at distance 4, 2 and 1. Avx512F.Min/Max are the plain
    // instructions (Vector512.Min/Max follow IEEE 754-2019 NaN and signed-zero rules at three instructions each; the
    // lists hold neither NaN nor -0.0).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SortAscending(Vector512<double> v)
    {
        var p = Avx512F.Shuffle4x128(v, v, 0b01_00_11_10);
        v = Avx512F.BlendVariable(Avx512F.Min(v, p), Avx512F.Max(v, p), UpperFour);
        p = Avx512F.Permute4x64(v, 0b01_00_11_10);
        v = Avx512F.BlendVariable(Avx512F.Min(v, p), Avx512F.Max(v, p), UpperTwo);
        p = Avx512F.Permute2x64(v, 0b0101_0101);
        return Avx512F.BlendVariable(Avx512F.Min(v, p), Avx512F.Max(v, p), UpperOne);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SortDescending(Vector512<double> v)
    {
        var p = Avx512F.Shuffle4x128(v, v, 0b01_00_11_10);
        v = Avx512F.BlendVariable(Avx512F.Max(v, p), Avx512F.Min(v, p), UpperFour);
        p = Avx512F.Permute4x64(v, 0b01_00_11_10);
        v = Avx512F.BlendVariable(Avx512F.Max(v, p), Avx512F.Min(v, p), UpperTwo);
        p = Avx512F.Permute2x64(v, 0b0101_0101);
        return Avx512F.BlendVariable(Avx512F.Max(v, p), Avx512F.Min(v, p), UpperOne);
    }
}
