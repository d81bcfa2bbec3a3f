using System.Globalization;

namespace LotteryTickets.Workbook;

/// <summary>
/// Options of the workbook's small console programs, given as <c>--name value</c> pairs (and <c>--help</c>).
/// Reading a value that does not parse throws an <see cref="ArgumentException"/> naming the option and
/// the value, so the programs can print one line and exit.
/// </summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values;

    private CommandOptions(Dictionary<string, string> values, bool help)
    {
        _values = values;
        Help = help;
    }

    /// <summary>True when <c>--help</c>, <c>-h</c> or <c>help</c> was given.</summary>
    public bool Help { get; }

    /// <summary>Parses <c>--name value</c> pairs; <paramref name="known"/> lists the accepted names (without dashes).</summary>
    /// <exception cref="ArgumentException">An argument is not a pair, or names an option not in <paramref name="known"/>.</exception>
    public static CommandOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool help = false;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is "--help" or "-h" or "help") { help = true; continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"options come as --name value pairs; got '{args[i]}'.", nameof(args));
            string name = args[i][2..];
            if (!known.Contains(name))
                throw new ArgumentException($"unknown option --{name}; the options are: {string.Join(", ", known.Select(k => "--" + k))}.", nameof(args));
            values[name] = args[++i];
        }
        return new CommandOptions(values, help);
    }

    /// <summary>True when the option was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The option's text, or <paramref name="fallback"/>.</summary>
    public string String(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <summary>The option as an integer, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback) => Has(name) ? ParseInt(name, _values[name]) : fallback;

    /// <summary>The option as an integer, or null when it was not given.</summary>
    public int? OptionalInt(string name) => Has(name) ? ParseInt(name, _values[name]) : null;

    /// <summary>The option as a 64-bit integer, or null when it was not given.</summary>
    public long? OptionalLong(string name) =>
        !Has(name) ? null
        : long.TryParse(_values[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v
        : throw new ArgumentException($"--{name} takes an integer; got '{_values[name]}'.", name);

    /// <summary>The option as a number, or <paramref name="fallback"/>.</summary>
    public double Double(string name, double fallback) =>
        !Has(name) ? fallback
        : double.TryParse(_values[name], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
        : throw new ArgumentException($"--{name} takes a number; got '{_values[name]}'.", name);

    /// <summary>The option as a comma-separated list of integers, or <paramref name="fallback"/>.</summary>
    public int[] Ints(string name, int[] fallback) =>
        Has(name) ? _values[name].Split(',').Select(v => ParseInt(name, v.Trim())).ToArray() : fallback;

    /// <summary>The option as a comma-separated list of enum names (case-insensitive), or <paramref name="fallback"/>.</summary>
    public T[] Enums<T>(string name, T[] fallback) where T : struct, Enum =>
        !Has(name) ? fallback
        : _values[name].Split(',').Select(v => Enum.TryParse<T>(v.Trim(), ignoreCase: true, out var e) && Enum.IsDefined(e) ? e
            : throw new ArgumentException($"--{name} takes {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}; got '{v}'.", name)).ToArray();

    private static int ParseInt(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
        : throw new ArgumentException($"--{name} takes an integer; got '{text}'.", name);
}
