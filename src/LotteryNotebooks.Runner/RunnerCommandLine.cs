using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LotteryNotebooks.Runner;

/// <summary>The runner's command line, parsed. Bad input gives a <see cref="UsageException"/> with a one-line message.</summary>
public sealed record RunnerCommandLine(
    IReadOnlyList<string> Notebooks,
    IReadOnlyDictionary<string, string> Parameters,
    TimeSpan CellTimeout,
    string? OutputFolder,
    bool Help,
    bool Solutions = false,
    bool StandalonePages = false)
{
    /// <summary>The text printed by --help.</summary>
    public const string Usage = """
        Runs the workbook's notebooks headless, as a notebook kernel would (each in its own process), and writes
        executed copies and HTML pages.

        usage: dotnet run -c Release --project src/LotteryNotebooks.Runner -- [NOTEBOOK|GLOB ...] [options]

          NOTEBOOK|GLOB        notebooks to run (paths or globs such as notebooks/0*.ipynb);
                               none: every notebook listed in environment.json, in reading order
          --set NAME=VALUE     override a parameter of the notebook's 'parameters' cell; VALUE is a C#
                               expression (--set n=24, --set eps=1e-3, --set 'label="x"'); repeatable.
                               Without --output, such a what-if run goes to artifacts/what-if/NAME=VALUE,...
                               and leaves the default run's pages and summary alone
          --cell-timeout SEC   stop a notebook whose cell runs longer than SEC seconds (default 600)
          --output DIR         where executed notebooks and pages go (default artifacts/notebooks); never a
                               source notebook's folder
          --solutions          the teacher's version: merge notebooks/solutions/<name>.md into the answer
                               cells (default output artifacts/solutions; see docs/teaching.md)
          --standalone-pages   embed plotly.js in every page (one self-contained file per notebook) instead
                               of sharing one copy, DIR/plotly-VERSION.js, among the pages of the folder
          --help               this text

        Writes DIR/<name>.ipynb (executed, charts embedded), DIR/<name>.html (page, charts draw offline) and a
        summary: artifacts/run-summary.json for the default run, DIR/run-summary.json otherwise; it lists every
        notebook whose pages are in DIR. One failing, hanging or crashing notebook does not stop the others. One
        run at a time per DIR (a second is refused). Exit code 0 when every cell of every notebook succeeded, 1
        when a cell failed (or timed out, or its process crashed), 2 for bad usage.
        """;

    /// <summary>Parses the arguments (with System.CommandLine); bad input gives a <see cref="UsageException"/> with a one-line message.</summary>
    public static RunnerCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var notebooks = new Argument<string[]>("NOTEBOOK|GLOB") { Arity = ArgumentArity.ZeroOrMore };
        // --set is repeatable: one NAME=VALUE per --set.
        var set = new Option<string[]>("--set") { Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var cellTimeout = new Option<TimeSpan?>("--cell-timeout")
        {
            CustomParser = result =>
            {
                string t = result.Tokens[0].Value;
                if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || seconds > 86_400)
                {
                    result.AddError($"--cell-timeout takes seconds between 0 and 86400; got '{t}'.");
                    return null;
                }
                return TimeSpan.FromSeconds(seconds);
            },
        };
        var output = new Option<string?>("--output")
        {
            CustomParser = result =>
            {
                if (!string.IsNullOrWhiteSpace(result.Tokens[0].Value)) return result.Tokens[0].Value;
                result.AddError("--output needs a folder; got an empty value.");
                return null;
            },
        };
        // Flags take no value: a word after one is a notebook.
        var solutions = new Option<bool>("--solutions") { Arity = ArgumentArity.Zero };
        var standalone = new Option<bool>("--standalone-pages") { Arity = ArgumentArity.Zero };
        var root = new RootCommand("Runs the workbook's notebooks headless.") { notebooks, set, cellTimeout, output, solutions, standalone };
        root.Directives.Clear();
        foreach (var version in root.Options.OfType<VersionOption>().ToArray()) root.Options.Remove(version);
        var help = root.Options.OfType<HelpOption>().Single();

        // No response files (@file): every word means what it says.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null, EnablePosixBundling = false });
        if (result.GetResult(help) is not null)
            return new RunnerCommandLine([], new Dictionary<string, string>(), TimeSpan.FromMinutes(10), null, Help: true);
        if (result.UnmatchedTokens.Count > 0) throw new UsageException(Unknown(result.UnmatchedTokens[0]));
        foreach (var option in result.CommandResult.Children.OfType<OptionResult>())
        {
            if (option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0) throw new UsageException($"{option.Option.Name} needs a value.");
            if (option.IdentifierTokenCount > 1 && option.Option.Arity.MaximumNumberOfValues == 1)
                throw new UsageException($"{option.Option.Name} is given {option.IdentifierTokenCount} times; give it once.");
        }
        if (result.Errors.Count > 0) throw new UsageException(result.Errors[0].Message);
        string[] paths = result.GetValue(notebooks) ?? [];
        if (paths.FirstOrDefault(p => p.StartsWith('-')) is string unknown) throw new UsageException(Unknown(unknown));

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in result.GetResult(set) is null ? [] : result.GetValue(set) ?? [])
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1)
                throw new UsageException($"--set takes NAME=VALUE (a C# expression); got '{pair}'.");
            string name = pair[..eq].Trim();
            if (!IsIdentifier(name)) throw new UsageException($"--set {pair}: '{name}' is not a C# identifier.");
            parameters[name] = pair[(eq + 1)..];
        }
        return new RunnerCommandLine(paths, parameters, result.GetValue(cellTimeout) ?? TimeSpan.FromMinutes(10), result.GetValue(output), Help: false,
            result.GetValue(solutions), result.GetValue(standalone));
    }

    private static string Unknown(string token) => $"Unknown option '{token}' (see --help).";

    /// <summary>
    /// Expands paths and globs (wildcards in the file name part) relative to <paramref name="baseFolder"/>,
    /// in order, without duplicates. A path that does not exist, or a glob that matches nothing, is an error.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns, string baseFolder)
    {
        var result = new List<string>();
        foreach (var pattern in patterns)
        {
            string full = Path.GetFullPath(Path.Combine(baseFolder, pattern));
            string folder = Path.GetDirectoryName(full)!;
            string file = Path.GetFileName(full);
            if (file.Contains('*') || file.Contains('?'))
            {
                var matches = Directory.Exists(folder) ? Directory.GetFiles(folder, file).Order(StringComparer.Ordinal).ToArray() : [];
                if (matches.Length == 0) throw new UsageException($"No notebook matches '{pattern}'.");
                result.AddRange(matches);
            }
            else
            {
                if (!File.Exists(full)) throw new UsageException($"Notebook not found: '{pattern}' (looked at {full}).");
                result.Add(full);
            }
        }
        return result.Distinct().ToArray();
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}

/// <summary>Bad command-line input; its message is printed as one line.</summary>
public sealed class UsageException(string message) : Exception(message);
