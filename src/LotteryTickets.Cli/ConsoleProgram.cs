using System.Globalization;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace LotteryTickets.Cli;

/// <summary>
/// Runs a console program's <see cref="RootCommand"/> the workbook's way: <c>--help</c>, <c>-h</c> or <c>-?</c> anywhere, or the word <c>help</c> first,
/// prints the program's usage and exits 0; a refused command line (unknown option, value that does not parse or is out of
/// range) prints one line <c>error: ...</c> and exits 2 before any action runs; an action that refuses its input by
/// throwing (see <c>isBadInput</c>) also prints one line and exits 2.
/// </summary>
public static class ConsoleProgram
{
    /// <summary>Exit code of a successful run (also of <c>--help</c>).</summary>
    public const int Success = 0;

    /// <summary>Exit code of a run refused for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Parses <paramref name="args"/> with <paramref name="root"/> and runs the chosen command's action, which writes to
    /// <see cref="ParseResult.InvocationConfiguration"/>'s output and error (here <paramref name="output"/> and
    /// <paramref name="error"/>) and returns the exit code.
    /// </summary>
    /// <param name="root">The program's commands and options (its help option's action is replaced by <paramref name="usage"/>).</param>
    /// <param name="args">The command line.</param>
    /// <param name="usage">The usage text printed for help.</param>
    /// <param name="output">Where results and the usage go.</param>
    /// <param name="error">Where refusals go.</param>
    /// <param name="isBadInput">Which exceptions of an action are refusals of its input (default: <see cref="IsBadInput"/>).</param>
    /// <param name="unknownToken">The refusal of an unexpected word, when the default ("options come as --name value pairs") does not fit.</param>
    public static int Run(RootCommand root, IReadOnlyList<string> args, string usage, TextWriter output, TextWriter error,
        Func<Exception, bool>? isBadInput = null, Func<ParseResult, string, string?>? unknownToken = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        Prepare(root);
        // No response files (@file) and no bundling of short options: every word means what it says.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null, EnablePosixBundling = false });
        var help = root.Options.OfType<HelpOption>().Single();
        // --help, -h or -? anywhere; the word help only first, so that a value spelled "help" (--out help) stays a value.
        if ((args.Count > 0 && args[0] == "help") || result.Tokens.Any(t => t.Type == TokenType.Option && (t.Value == help.Name || help.Aliases.Contains(t.Value))))
        {
            output.WriteLine(usage);
            return Success;
        }
        if (Refusal(result, unknownToken) is string refusal)
        {
            error.WriteLine($"error: {refusal}");
            return BadInput;
        }
        try
        {
            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when ((isBadInput ?? IsBadInput)(e))
        {
            error.WriteLine($"error: {OneLine(e)}");
            return BadInput;
        }
    }

    /// <summary>The refusals of the workbook's consoles: <see cref="ArgumentException"/> (bad value), <see cref="FileNotFoundException"/>, <see cref="InvalidDataException"/> (bad file).</summary>
    public static bool IsBadInput(Exception e) => e is ArgumentException or FileNotFoundException or InvalidDataException;

    /// <summary>
    /// Builds a value from the command line and validates it; a validation failure (an <see cref="ArgumentOutOfRangeException"/>
    /// naming the offending parameter) becomes an <see cref="ArgumentException"/> that names the console option which set it,
    /// with the value: <c>--epochs 0: ...</c>.
    /// </summary>
    /// <param name="build">Makes the value from the parsed options.</param>
    /// <param name="validate">Throws <see cref="ArgumentOutOfRangeException"/> for a bad field.</param>
    /// <param name="optionFor">The console option (without <c>--</c>) that sets a parameter, or null to show the parameter's own name.</param>
    public static T Checked<T>(Func<T> build, Action<T> validate, Func<string?, string?> optionFor)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(optionFor);
        var value = build();
        try { validate(value); }
        catch (ArgumentOutOfRangeException e)
        {
            string option = optionFor(e.ParamName) ?? e.ParamName ?? "?";
            throw new ArgumentException($"--{option} {Convert.ToString(e.ActualValue, CultureInfo.InvariantCulture)}: {OneLine(e)}", option, e);
        }
        return value;
    }

    /// <summary>An exception's message without the " (Parameter 'x')" and "Actual value was" lines .NET appends.</summary>
    public static string OneLine(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string message = e.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        return message.Split('\n')[0].Trim();
    }

    /// <summary>The first thing wrong with the command line, in one line, or null.</summary>
    private static string? Refusal(ParseResult result, Func<ParseResult, string, string?>? unknownToken)
    {
        if (result.UnmatchedTokens.Count > 0)
        {
            string token = result.UnmatchedTokens[0];
            if (unknownToken?.Invoke(result, token) is string custom) return custom;
            if (!token.StartsWith("--", StringComparison.Ordinal)) return $"options come as --name value pairs; got '{token}'.";
            var names = result.CommandResult.Command.Options.Where(o => o is not HelpOption).Select(o => o.Name);
            return $"unknown option {token}; the options are: {string.Join(", ", names)}.";
        }
        if (result.Errors.Count == 0) return null;
        foreach (var option in result.CommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit))
        {
            if (option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0)
                return $"{option.Option.Name} needs a value (options come as --name value pairs).";
            if (option.IdentifierTokenCount > 1 && option.Option.Arity.MaximumNumberOfValues == 1)
                return $"{option.Option.Name} is given {option.IdentifierTokenCount} times; give it once.";
        }
        return result.Errors[0].Message;
    }

    /// <summary>Help is the program's own usage text (for <c>--help</c>, <c>-h</c>, <c>-?</c>, and the word <c>help</c> first, see <see cref="Run"/>); no <c>--version</c> (the programs are not versioned apart from the workbook).</summary>
    private static void Prepare(RootCommand root)
    {
        foreach (var option in root.Options.Where(o => o is VersionOption).ToArray()) root.Options.Remove(option);
        // No [directives] either: a word in brackets is a value like any other.
        root.Directives.Clear();
    }
}
