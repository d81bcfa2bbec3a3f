using System.IO.Compression;

namespace LotteryTickets.Networks;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (optionally gzip-compressed): a big-endian header
/// <c>00 00 type ndims</c>, then <c>ndims</c> big-endian 32-bit sizes, then the data. Only unsigned bytes
/// (type 0x08) are accepted, which is what image and label files use. Every malformed file gives an
/// <see cref="InvalidDataException"/> naming the file and what is wrong.
/// </summary>
public static class IdxReader
{
    /// <summary>Largest number of data bytes accepted (a guard against corrupt headers asking for gigabytes).</summary>
    public const long MaxDataBytes = 1L << 30;

    /// <summary>An IDX array of unsigned bytes: its dimensions and its data in row-major order.</summary>
    /// <param name="Dimensions">Sizes of the dimensions, outermost first.</param>
    /// <param name="Data">The values, row-major.</param>
    public sealed record IdxArray(int[] Dimensions, byte[] Data);

    /// <summary>Reads an IDX file; files starting with the gzip magic bytes are decompressed on the fly.</summary>
    public static IdxArray Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        try
        {
            using var file = File.OpenRead(path);
            int b0 = file.ReadByte(), b1 = file.ReadByte();
            file.Position = 0;
            using Stream stream = b0 == 0x1f && b1 == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
            return Read(stream, path);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: the file ends before its header says it should (truncated or corrupt download).", e);
        }
    }

    private static IdxArray Read(Stream stream, string path)
    {
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        if (header[0] != 0 || header[1] != 0)
            throw new InvalidDataException($"{path}: not an IDX file (the first two bytes must be zero; got {header[0]:X2} {header[1]:X2}).");
        if (header[2] != 0x08)
            throw new InvalidDataException($"{path}: IDX element type 0x{header[2]:X2} is not supported (only unsigned bytes, 0x08).");
        int ndims = header[3];
        if (ndims < 1 || ndims > 4)
            throw new InvalidDataException($"{path}: IDX files here have 1 to 4 dimensions; this one declares {ndims}.");
        var dims = new int[ndims];
        long total = 1;
        Span<byte> size = stackalloc byte[4];
        for (int i = 0; i < ndims; i++)
        {
            stream.ReadExactly(size);
            long value = (long)size[0] << 24 | (long)size[1] << 16 | (long)size[2] << 8 | size[3];
            if (value < 1 || value > int.MaxValue)
                throw new InvalidDataException($"{path}: dimension {i} has size {value}, outside 1..{int.MaxValue}.");
            dims[i] = (int)value;
            total *= value;
            if (total > MaxDataBytes)
                throw new InvalidDataException($"{path}: the header asks for more than {MaxDataBytes} bytes of data (IdxReader.MaxDataBytes).");
        }
        var data = new byte[total];
        stream.ReadExactly(data);
        if (stream.ReadByte() != -1)
            throw new InvalidDataException($"{path}: there are bytes after the {total} data bytes the header declares.");
        return new IdxArray(dims, data);
    }

    /// <summary>Writes an IDX file of unsigned bytes (gzip-compressed when <paramref name="gzip"/>); used by tests and for small data extracts.</summary>
    public static void Write(string path, int[] dimensions, byte[] data, bool gzip = true)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(data);
        if (dimensions.Length < 1 || dimensions.Length > 4)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions.Length, $"IDX arrays have 1 to 4 dimensions; got {dimensions.Length}.");
        long total = dimensions.Aggregate(1L, (a, b) => a * b);
        if (total != data.Length)
            throw new ArgumentException($"dimensions ({string.Join("x", dimensions)}) need {total} bytes; data has {data.Length}.", nameof(data));
        using var file = File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        stream.Write([0, 0, 0x08, (byte)dimensions.Length]);
        foreach (int d in dimensions) stream.Write([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        stream.Write(data);
    }
}
