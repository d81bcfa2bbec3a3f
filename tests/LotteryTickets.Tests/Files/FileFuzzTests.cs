using System.Text;
using System.Text.Json;
using LotteryTickets.Networks;
using LotteryTickets.Pruning;
using LotteryTickets.Tests.Pruning;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Files;

/// <summary>
/// Seeded mutations of every file the workbook writes and reads back (a target's JSON description, its weights file,
/// a ticket mask): each mutated file must either be rejected with a message that names the file and the defect, or
/// load as exactly the original. Nothing else is allowed: no other exception type, no silently different content.
/// </summary>
public sealed class FileFuzzTests(ITestOutputHelper log) : IDisposable
{
    private const int Mutations = 300;
    private readonly string folder = Directory.CreateTempSubdirectory("file-fuzz").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Mutated_target_descriptions_are_rejected_or_load_unchanged()
    {
        var (json, _, original) = SavedTarget();
        byte[] bytes = File.ReadAllBytes(json);
        var tally = Fuzz(bytes, json, text: true, seed: 1, load: () => Describe(TargetFile.Load(json)), expected: Describe(original));
        Assert.True(tally.Rejected > Mutations / 2, $"only {tally.Rejected} rejections");
        Assert.True(tally.Unchanged > 0, "no mutation loaded unchanged: the fuzzer never produced a harmless edit (whitespace)");
    }

    [Fact]
    public void Mutated_weights_files_are_rejected_or_load_unchanged()
    {
        var (json, weights, original) = SavedTarget();
        byte[] bytes = File.ReadAllBytes(weights);
        var tally = Fuzz(bytes, weights, text: false, seed: 2, load: () => Describe(TargetFile.Load(json)), expected: Describe(original));
        Assert.True(tally.Rejected > Mutations * 9 / 10, $"only {tally.Rejected} rejections");
    }

    [Theory]
    [InlineData(TicketVariant.Kernel)]
    [InlineData(TicketVariant.Filter)]
    [InlineData(TicketVariant.Unstructured)]
    public void Mutated_masks_are_rejected_or_load_unchanged(TicketVariant variant)
    {
        var mask = TicketMaskTests.StructuredMask(RandomNetwork.Create(PruningFixtures.Signed, 4, seed: 5), variant, seed: 6);
        string path = Path.Combine(folder, $"{variant}-mask.json");
        mask.Save(path, note: "fuzz");
        var tally = Fuzz(File.ReadAllBytes(path), path, text: true, seed: 3 + (int)variant, load: () => Describe(TicketMask.Load(path)), expected: Describe(mask));
        Assert.True(tally.Rejected > Mutations / 2, $"only {tally.Rejected} rejections");
    }

    private (string Json, string Weights, (TargetCnn, TargetInfo) Original) SavedTarget()
    {
        // The committed target, written again by this library (current format version).
        var (target, info) = TargetFile.LoadDefault();
        string json = Path.Combine(folder, "target.json");
        var written = TargetFile.Save(target, info with { WeightsFile = "target.weights" }, json);
        return (json, Path.Combine(folder, "target.weights"), (target, written));
    }

    private sealed record Tally(int Rejected, int Unchanged);

    private Tally Fuzz(byte[] original, string path, bool text, int seed, Func<string> load, string expected)
    {
        var rng = new Random(seed);
        int rejected = 0, unchanged = 0;
        var kinds = new Dictionary<string, int>();
        try
        {
            for (int m = 0; m < Mutations; m++)
            {
                var (mutated, kind) = Mutator.Mutate(original, rng, text);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                File.WriteAllBytes(path, mutated);
                string outcome;
                try
                {
                    outcome = load();
                }
                catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
                {
                    Assert.True(e.Message.Contains(Path.GetFileName(path), StringComparison.Ordinal),
                        $"mutation {m} ({kind}) was rejected without naming {Path.GetFileName(path)}: {e.Message}");
                    Assert.True(e.Message.Length > path.Length + 20, $"mutation {m} ({kind}): the message does not say what is wrong: {e.Message}");
                    rejected++;
                    continue;
                }
                catch (Exception e)
                {
                    Assert.Fail($"mutation {m} ({kind}) of {Path.GetFileName(path)} threw {e.GetType().Name} instead of a clear rejection: {e.Message}\n{Preview(mutated, original)}");
                    throw;
                }
                Assert.True(outcome == expected,
                    $"mutation {m} ({kind}) of {Path.GetFileName(path)} loaded silently as something else:\n{Preview(mutated, original)}");
                unchanged++;
            }
        }
        finally
        {
            File.WriteAllBytes(path, original);
        }
        log.WriteLine($"{Path.GetFileName(path)}: {rejected} rejected, {unchanged} loaded unchanged; mutations: {string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
        return new Tally(rejected, unchanged);
    }

    private static string Preview(byte[] mutated, byte[] original)
    {
        int at = 0;
        while (at < Math.Min(mutated.Length, original.Length) && mutated[at] == original[at]) at++;
        int from = Math.Max(0, at - 40);
        return $"first difference at byte {at}: …{Encoding.UTF8.GetString(mutated, from, Math.Min(mutated.Length - from, 100))}…";
    }

    // What "the same content" means: every value the loader returns.
    private static string Describe((TargetCnn Target, TargetInfo Info) loaded) =>
        JsonSerializer.Serialize(loaded.Info) + string.Join(";", loaded.Target.Kernels.Select(k => Convert.ToHexString(k.SelectMany(BitConverter.GetBytes).ToArray())));

    private static string Describe(TicketMask mask) =>
        $"{mask.Variant} {mask.Architecture} n=[{string.Join(",", mask.HiddenPerInput)}] seed={mask.RandomSeed} " +
        string.Join(";", mask.Layers.Select(l => TicketMask.Pack(l.U) + "/" + TicketMask.Pack(l.V)));
}

/// <summary>Seeded byte- and text-level mutations, including the ones a careful reader would try by hand.</summary>
internal static class Mutator
{
    public static (byte[] Bytes, string Kind) Mutate(byte[] original, Random rng, bool text)
    {
        int kinds = text ? 13 : 6;
        for (int attempt = 0; ; attempt++)
        {
            int kind = rng.Next(kinds);
            var result = kind switch
            {
                0 => FlipBit(original, rng),
                1 => SetByte(original, rng, text),
                2 => DeleteRange(original, rng),
                3 => InsertBytes(original, rng, text),
                4 => original[..rng.Next(original.Length)],
                5 => DuplicateRange(original, rng),
                _ => TextMutation(Encoding.UTF8.GetString(original), rng, kind) is { } changed ? Encoding.UTF8.GetBytes(changed) : null,
            };
            if (result is not null || attempt > 20) return (result ?? FlipBit(original, rng), Name(kind));
        }
    }

    private static string Name(int kind) => kind switch
    {
        0 => "bit flip", 1 => "byte set", 2 => "bytes deleted", 3 => "bytes inserted", 4 => "truncated", 5 => "bytes duplicated",
        6 => "digit changed", 7 => "lines swapped", 8 => "line deleted", 9 => "line duplicated", 10 => "key misspelled",
        11 => "literal changed", _ => "whitespace added or bits swapped",
    };

    private static byte[] FlipBit(byte[] b, Random rng)
    {
        var c = (byte[])b.Clone();
        c[rng.Next(c.Length)] ^= (byte)(1 << rng.Next(8));
        return c;
    }

    private static byte[] SetByte(byte[] b, Random rng, bool text)
    {
        var c = (byte[])b.Clone();
        c[rng.Next(c.Length)] = text ? (byte)rng.Next(32, 127) : (byte)rng.Next(256);
        return c;
    }

    private static byte[] DeleteRange(byte[] b, Random rng)
    {
        int at = rng.Next(b.Length), count = Math.Min(rng.Next(1, 9), b.Length - at);
        return [.. b[..at], .. b[(at + count)..]];
    }

    private static byte[] InsertBytes(byte[] b, Random rng, bool text)
    {
        int at = rng.Next(b.Length + 1);
        var extra = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => text ? (byte)rng.Next(32, 127) : (byte)rng.Next(256)).ToArray();
        return [.. b[..at], .. extra, .. b[at..]];
    }

    private static byte[] DuplicateRange(byte[] b, Random rng)
    {
        int at = rng.Next(b.Length), count = Math.Min(rng.Next(1, 17), b.Length - at);
        return [.. b[..(at + count)], .. b[at..(at + count)], .. b[(at + count)..]];
    }

    private static string? TextMutation(string s, Random rng, int kind)
    {
        var lines = s.Split('\n').ToList();
        switch (kind)
        {
            case 6:
            {
                var digits = Enumerable.Range(0, s.Length).Where(i => char.IsAsciiDigit(s[i])).ToArray();
                if (digits.Length == 0) return null;
                int at = digits[rng.Next(digits.Length)];
                char d = (char)('0' + (s[at] - '0' + rng.Next(1, 10)) % 10);
                return s[..at] + d + s[(at + 1)..];
            }
            case 7:
            {
                int a = rng.Next(lines.Count), b = rng.Next(lines.Count);
                if (lines[a] == lines[b]) return null;
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
            }
            case 8:
                lines.RemoveAt(rng.Next(lines.Count));
                return string.Join('\n', lines);
            case 9:
            {
                int a = rng.Next(lines.Count);
                lines.Insert(a, lines[a]);
                return string.Join('\n', lines);
            }
            case 10:
            {
                // A letter inside a key ("name":) replaced, removed or changed in case.
                var keys = System.Text.RegularExpressions.Regex.Matches(s, "\"([A-Za-z0-9]+)\"\\s*:").ToArray();
                if (keys.Length == 0) return null;
                var key = keys[rng.Next(keys.Length)].Groups[1];
                int at = key.Index + rng.Next(key.Length);
                return rng.Next(3) switch
                {
                    0 => s[..at] + s[(at + 1)..],
                    1 => s[..at] + (char.IsUpper(s[at]) ? char.ToLowerInvariant(s[at]) : char.ToUpperInvariant(s[at])) + s[(at + 1)..],
                    _ => s[..at] + (char)('a' + rng.Next(26)) + s[(at + 1)..],
                };
            }
            case 11:
            {
                string[] literals = ["true", "false", "null", "0", "\"\"", "[]", "{}", "-1", "1e999", "2147483648"];
                var values = System.Text.RegularExpressions.Regex.Matches(s, ":\\s*(true|false|null|-?[0-9.eE+-]+|\"[^\"]*\")").ToArray();
                if (values.Length == 0) return null;
                var v = values[rng.Next(values.Length)].Groups[1];
                return s[..v.Index] + literals[rng.Next(literals.Length)] + s[(v.Index + v.Length)..];
            }
            default:
            {
                if (rng.Next(2) == 0)
                {
                    // Whitespace between tokens: the same content.
                    var gaps = Enumerable.Range(0, s.Length).Where(i => s[i] is ',' or ':' or '[' or '{').ToArray();
                    int at = gaps[rng.Next(gaps.Length)] + 1;
                    return s[..at] + (rng.Next(2) == 0 ? " " : "\n  ") + s[at..];
                }
                // Two bits swapped inside a base64 bit string: the same number of kept weights.
                var bits = System.Text.RegularExpressions.Regex.Matches(s, "\"bits\":\\s*\"([A-Za-z0-9+/=]+)\"").ToArray();
                if (bits.Length == 0) return null;
                var g = bits[rng.Next(bits.Length)].Groups[1];
                byte[] raw = Convert.FromBase64String(g.Value);
                int count = raw.Length * 8;
                int one = Enumerable.Range(0, count).Where(k => (raw[k / 8] >> (k % 8) & 1) == 1).OrderBy(_ => rng.Next()).FirstOrDefault(-1);
                int zero = Enumerable.Range(0, count).Where(k => (raw[k / 8] >> (k % 8) & 1) == 0).OrderBy(_ => rng.Next()).FirstOrDefault(-1);
                if (one < 0 || zero < 0) return null;
                raw[one / 8] ^= (byte)(1 << (one % 8));
                raw[zero / 8] ^= (byte)(1 << (zero % 8));
                return s[..g.Index] + Convert.ToBase64String(raw) + s[(g.Index + g.Length)..];
            }
        }
    }
}
