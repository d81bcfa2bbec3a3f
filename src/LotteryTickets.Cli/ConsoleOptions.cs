using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LotteryTickets.Cli;

/// <summary>
/// Options of the workbook's console programs, each given as <c>--name value</c>. A value that does not parse, or an
/// integer out of its range, is refused while parsing (before any work starts) with one line naming the option and the
/// value, for example <c>--n takes an integer; got 'lots'.</c> Values parse with the invariant culture; lists are
/// comma-separated; an option not given reads as null, so each program applies its own default.
/// </summary>
public static class ConsoleOptions
{
    /// <summary>An option whose value is any text.</summary>
    public static Option<string?> Text(string name, string? description = null) =>
        Create<string?>(name, description, (text, _) => text);

    /// <summary>An integer option; with <paramref name="min"/> and <paramref name="max"/>, a value outside them is refused.</summary>
    public static Option<int?> Int(string name, string? description = null, int min = int.MinValue, int max = int.MaxValue) =>
        Create<int?>(name, description, (text, result) =>
        {
            if (!TryInt(text, out int value)) return Refuse<int?>(result, $"--{name} takes an integer; got '{text}'.");
            if (value < min || value > max) return Refuse<int?>(result, $"--{name} must be between {min} and {max}; got {value}.");
            return value;
        });

    /// <summary>A 64-bit integer option.</summary>
    public static Option<long?> Long(string name, string? description = null) =>
        Create<long?>(name, description, (text, result) =>
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value
            : Refuse<long?>(result, $"--{name} takes an integer; got '{text}'."));

    /// <summary>A number option.</summary>
    public static Option<double?> Number(string name, string? description = null) =>
        Create<double?>(name, description, (text, result) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value
            : Refuse<double?>(result, $"--{name} takes a number; got '{text}'."));

    /// <summary>A comma-separated list of integers.</summary>
    public static Option<int[]?> Ints(string name, string? description = null) =>
        Create<int[]?>(name, description, (text, result) =>
        {
            var values = new List<int>();
            foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!TryInt(part, out int value)) return Refuse<int[]?>(result, $"--{name} takes an integer; got '{part}'.");
                values.Add(value);
            }
            return values.ToArray();
        });

    /// <summary>A comma-separated list of numbers.</summary>
    public static Option<double[]?> Numbers(string name, string? description = null) =>
        Create<double[]?>(name, description, (text, result) =>
        {
            var values = new List<double>();
            foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    return Refuse<double[]?>(result, $"--{name} takes comma-separated numbers; got '{part}'.");
                values.Add(value);
            }
            return values.ToArray();
        });

    /// <summary>A comma-separated list of names of <typeparamref name="T"/>'s values (case-insensitive).</summary>
    public static Option<T[]?> Enums<T>(string name, string? description = null) where T : struct, Enum =>
        Create<T[]?>(name, description, (text, result) =>
        {
            var values = new List<T>();
            foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!System.Enum.TryParse(part, ignoreCase: true, out T value) || !System.Enum.IsDefined(value))
                    return Refuse<T[]?>(result, $"--{name} takes {string.Join(", ", System.Enum.GetNames<T>()).ToLowerInvariant()}; got '{part}'.");
                values.Add(value);
            }
            return values.ToArray();
        });

    /// <summary>One name of <typeparamref name="T"/>'s values (case-insensitive).</summary>
    public static Option<T?> Choice<T>(string name, string? description = null) where T : struct, Enum =>
        Create<T?>(name, description, (text, result) =>
        {
            string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
            foreach (string part in parts)
                if (!System.Enum.TryParse(part, ignoreCase: true, out T value) || !System.Enum.IsDefined(value))
                    return Refuse<T?>(result, $"--{name} takes {string.Join(", ", System.Enum.GetNames<T>()).ToLowerInvariant()}; got '{part}'.");
            if (parts.Length != 1) return Refuse<T?>(result, $"--{name} takes one value; got {parts.Length}.");
            return System.Enum.Parse<T>(parts[0], ignoreCase: true);
        });

    /// <summary>
    /// A true-or-false option whose value is required (<c>--flip false</c>), read as "true" or "false" (see <see cref="IsTrue"/>).
    /// Its values are text because System.CommandLine lets a bool option stand alone and would not take a wrong value as its own.
    /// </summary>
    public static Option<string?> TrueOrFalse(string name, string? description = null) =>
        Create<string?>(name, description, (text, result) =>
            bool.TryParse(text, out bool value) ? (value ? "true" : "false") : Refuse<string?>(result, $"--{name} takes true or false; got '{text}'."));

    /// <summary>The value of a <see cref="TrueOrFalse"/> option, or <paramref name="fallback"/> when it was not given.</summary>
    public static bool IsTrue(string? value, bool fallback) => value is null ? fallback : value == "true";

    /// <summary>One of <paramref name="allowed"/> (exactly as written).</summary>
    public static Option<string?> OneOf(string name, string[] allowed, string? description = null) =>
        Create<string?>(name, description, (text, result) =>
            allowed.Contains(text, StringComparer.Ordinal) ? text
            : Refuse<string?>(result, $"--{name} must be {Alternatives(allowed)}; got '{text}'."));

    /// <summary>
    /// The option's value, or null when it was not given: for lists, where <see cref="ParseResult.GetValue{T}(Option{T})"/>
    /// gives an empty array, so a program can tell "not given" (its default) from a value.
    /// </summary>
    public static T? OptionalValue<T>(this ParseResult result, Option<T?> option) where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : null;
    }

    /// <summary>"a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> values) =>
        values.Count <= 1 ? string.Join("", values) : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";

    private static Option<T> Create<T>(string name, string? description, Func<string, ArgumentResult, T> parse) => new($"--{name}")
    {
        Description = description,
        // One value per option, as `--name value`; a list is one value with commas.
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => parse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : "", result),
    };

    private static T Refuse<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    private static bool TryInt(string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
