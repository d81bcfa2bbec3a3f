using System.Globalization;
using System.Net;
using System.Text;
using LotteryTickets.Charts;

namespace LotteryTickets.Workbook;

/// <summary>
/// The claims a notebook makes, checked on its measurements. Each claim is an <see cref="ClaimKind.Identity"/>
/// (a consequence of the mathematics or the code: it fails only on a bug) or an <see cref="ClaimKind.Empirical"/>
/// claim with the per-seed probability that it fails by chance, at most <see cref="MaxFailureProbability"/>, and the
/// reason it is that small. The last cell of every notebook ends with <see cref="Report"/>, which shows the table
/// (claim, kind, measured, threshold, pass) and then throws if any claim failed.
/// <code>
/// var checks = new ClaimChecks();
/// checks.Identity("ε* is never below the counting bound 2^-n", measured: smallestRatio, Bound.AtLeast(1));
/// checks.Empirical("the median ε* falls at least 8-fold", measured: fall, Bound.AtLeast(8),
///     failureProbability: 1e-6, basis: "binomial tail of the median of 200 samples, see the text");
/// checks.Report();
/// </code>
/// </summary>
public sealed class ClaimChecks : HtmlView
{
    /// <summary>The largest per-seed failure probability an empirical check may have (the workbook's standard).</summary>
    public const double MaxFailureProbability = 1e-3;

    private readonly List<ClaimCheck> _checks = [];

    /// <summary>Starts an empty list of checks; <paramref name="title"/> is shown above the table.</summary>
    public ClaimChecks(string title = "Checks of this notebook's claims") => Title = title ?? throw new ArgumentNullException(nameof(title));

    /// <summary>Shown above the table.</summary>
    public string Title { get; }

    /// <summary>The checks added so far, in order.</summary>
    public IReadOnlyList<ClaimCheck> Checks => _checks;

    /// <summary>True when every check added so far passed (and at least one was added).</summary>
    public bool AllPassed => _checks.Count > 0 && _checks.All(c => c.Passed);

    /// <summary>Checks an identity on a measured number.</summary>
    public ClaimCheck Identity(string claim, double measured, Bound bound) =>
        Add(claim, ClaimKind.Identity, Bound.Show(measured), bound.Text, bound.Holds(measured), 0, "");

    /// <summary>Checks an identity stated as a condition (for example "every trial was decided").</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="holds">Whether it holds.</param>
    /// <param name="measured">What was measured, as shown (for example "0 undecided trials").</param>
    /// <param name="threshold">What was required, as shown (for example "none").</param>
    public ClaimCheck Identity(string claim, bool holds, string measured, string threshold) =>
        Add(claim, ClaimKind.Identity, measured, threshold, holds, 0, "");

    /// <summary>Checks an empirical claim on a measured number.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="measured">The measured value.</param>
    /// <param name="bound">The threshold it must respect.</param>
    /// <param name="failureProbability">An upper bound, worked out for the notebook's default parameters, on the probability
    /// that the claim fails for one seed: in (0, <see cref="MaxFailureProbability"/>].</param>
    /// <param name="basis">Why the failure probability is that small (the argument, in a sentence).</param>
    public ClaimCheck Empirical(string claim, double measured, Bound bound, double failureProbability, string basis) =>
        Add(claim, ClaimKind.Empirical, Bound.Show(measured), bound.Text, bound.Holds(measured), failureProbability, basis);

    /// <summary>Checks an empirical claim stated as a condition; see <see cref="Empirical(string, double, Bound, double, string)"/>.</summary>
    public ClaimCheck Empirical(string claim, bool holds, string measured, string threshold, double failureProbability, string basis) =>
        Add(claim, ClaimKind.Empirical, measured, threshold, holds, failureProbability, basis);

    /// <summary>
    /// Shows the table in the notebook (when a notebook kernel runs this code) and then throws
    /// <see cref="ClaimChecksFailedException"/> if any check failed, naming each failed claim with its measurement.
    /// </summary>
    /// <exception cref="InvalidOperationException">No check was added.</exception>
    /// <exception cref="ClaimChecksFailedException">A check failed.</exception>
    public void Report()
    {
        Show();
        ThrowIfAnyFailed();
    }

    /// <summary>Throws <see cref="ClaimChecksFailedException"/> if any check failed (without showing the table).</summary>
    /// <exception cref="InvalidOperationException">No check was added: a checks cell must check something.</exception>
    public void ThrowIfAnyFailed()
    {
        if (_checks.Count == 0) throw new InvalidOperationException("No claim was checked: add checks with Identity(...) or Empirical(...) before Report().");
        var failed = _checks.Where(c => !c.Passed).ToArray();
        if (failed.Length > 0) throw new ClaimChecksFailedException(failed, _checks.Count);
    }

    /// <summary>The table as HTML: claim (with the basis of an empirical claim), kind, measured, threshold, pass.</summary>
    public override string ToHtml()
    {
        const string cell = "border:1px solid #ccc;padding:2px 8px;vertical-align:top";
        var html = new StringBuilder("<table class=\"lottery-checks\" style=\"border-collapse:collapse\">");
        html.Append("<caption style=\"text-align:left;font-weight:bold\">").Append(Encode(Summary)).Append("</caption><thead><tr>");
        foreach (var h in new[] { "claim", "kind", "measured", "threshold", "pass" })
            html.Append($"<th style=\"{cell}\">").Append(h).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var c in _checks)
        {
            html.Append($"<tr data-check=\"{(c.Passed ? "pass" : "fail")}\"><td style=\"{cell}\">").Append(Encode(c.Claim));
            if (c.Basis.Length > 0) html.Append("<br><span style=\"color:#666;font-size:smaller\">why it rarely fails: ").Append(Encode(c.Basis)).Append("</span>");
            html.Append($"</td><td style=\"{cell}\">").Append(Encode(c.KindText))
                .Append($"</td><td style=\"{cell};text-align:right\">").Append(Encode(c.Measured))
                .Append($"</td><td style=\"{cell};text-align:right\">").Append(Encode(c.Threshold))
                .Append($"</td><td style=\"{cell};font-weight:bold;color:{(c.Passed ? "#1a7f37" : "#cf222e")}\">").Append(c.Passed ? "pass" : "FAIL").Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The table as plain text, one check per line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Summary).AppendLine();
        foreach (var c in _checks)
            text.Append(c.Passed ? "pass  " : "FAIL  ").Append(c.Claim).Append(": measured ").Append(c.Measured)
                .Append(", needs ").Append(c.Threshold).Append(" (").Append(c.KindText).AppendLine(")");
        return text.ToString().TrimEnd();
    }

    private string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Title}: {_checks.Count(c => c.Passed)} of {_checks.Count} pass ({_checks.Count(c => c.Kind == ClaimKind.Identity)} identities, {_checks.Count(c => c.Kind == ClaimKind.Empirical)} empirical)");

    private ClaimCheck Add(string claim, ClaimKind kind, string measured, string threshold, bool passed, double failureProbability, string basis)
    {
        if (string.IsNullOrWhiteSpace(claim)) throw new ArgumentException("A check needs the claim it checks, in words.", nameof(claim));
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(threshold);
        if (kind == ClaimKind.Empirical)
        {
            if (!(failureProbability > 0) || failureProbability > MaxFailureProbability)
                throw new ArgumentOutOfRangeException(nameof(failureProbability), failureProbability,
                    $"An empirical check must state its per-seed failure probability, above 0 and at most {MaxFailureProbability:0e0} (\"{claim}\"); " +
                    "a claim that fails more often needs a wider threshold or more samples.");
            if (string.IsNullOrWhiteSpace(basis))
                throw new ArgumentException($"An empirical check must say why it fails that rarely (\"{claim}\").", nameof(basis));
        }
        var check = new ClaimCheck(claim, kind, measured, threshold, passed, failureProbability, basis ?? "");
        _checks.Add(check);
        return check;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
