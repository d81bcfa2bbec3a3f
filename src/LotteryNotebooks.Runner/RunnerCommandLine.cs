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

    /// <summary>Parses the arguments.</summary>
    public static RunnerCommandLine Parse(IReadOnlyList<string> args)
    {
        var notebooks = new List<string>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var timeout = TimeSpan.FromMinutes(10);
        string? output = null;
        bool help = false, solutions = false, standalone = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value.");
            switch (arg)
            {
                case "--help" or "-h": help = true; break;
                case "--set":
                    string pair = Value();
                    int eq = pair.IndexOf('=');
                    if (eq <= 0 || eq == pair.Length - 1)
                        throw new UsageException($"--set takes NAME=VALUE (a C# expression); got '{pair}'.");
                    string name = pair[..eq].Trim();
                    if (!IsIdentifier(name)) throw new UsageException($"--set {pair}: '{name}' is not a C# identifier.");
                    parameters[name] = pair[(eq + 1)..];
                    break;
                case "--cell-timeout":
                    string t = Value();
                    if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || seconds > 86_400)
                        throw new UsageException($"--cell-timeout takes seconds between 0 and 86400; got '{t}'.");
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--output":
                    output = Value();
                    if (string.IsNullOrWhiteSpace(output)) throw new UsageException("--output needs a folder; got an empty value.");
                    break;
                case "--solutions": solutions = true; break;
                case "--standalone-pages": standalone = true; break;
                default:
                    if (arg.StartsWith('-')) throw new UsageException($"Unknown option '{arg}' (see --help).");
                    notebooks.Add(arg);
                    break;
            }
        }
        return new RunnerCommandLine(notebooks, parameters, timeout, output, help, solutions, standalone);
    }

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
