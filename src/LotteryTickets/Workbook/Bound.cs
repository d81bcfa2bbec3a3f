using System.Globalization;

namespace LotteryTickets.Workbook;

/// <summary>
/// The threshold a measured number must respect in a notebook check: at least, at most, between two values, or
/// equal up to a tolerance. <c>Bound.AtLeast(8)</c> reads "≥ 8" in the checks table.
/// </summary>
public readonly record struct Bound
{
    private Bound(double lower, double upper, string text)
    {
        Lower = lower;
        Upper = upper;
        Text = text;
    }

    /// <summary>Smallest allowed value (−∞ when there is none).</summary>
    public double Lower { get; }

    /// <summary>Largest allowed value (+∞ when there is none).</summary>
    public double Upper { get; }

    /// <summary>How the bound reads in the checks table, for example "≥ 8" or "in [0.6, 1.6]".</summary>
    public string Text { get; }

    /// <summary>The value must be at least <paramref name="lower"/>.</summary>
    public static Bound AtLeast(double lower) => new(Finite(lower, nameof(lower)), double.PositiveInfinity, "≥ " + Show(lower));

    /// <summary>The value must be at most <paramref name="upper"/>.</summary>
    public static Bound AtMost(double upper) => new(double.NegativeInfinity, Finite(upper, nameof(upper)), "≤ " + Show(upper));

    /// <summary>The value must lie in [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <exception cref="ArgumentException"><paramref name="lower"/> is above <paramref name="upper"/>.</exception>
    public static Bound Between(double lower, double upper)
    {
        Finite(lower, nameof(lower));
        Finite(upper, nameof(upper));
        if (lower > upper) throw new ArgumentException($"Bound.Between needs lower <= upper; got lower = {lower}, upper = {upper}.", nameof(lower));
        return new Bound(lower, upper, $"in [{Show(lower)}, {Show(upper)}]");
    }

    /// <summary>The value must equal <paramref name="expected"/> within <paramref name="tolerance"/> (≥ 0).</summary>
    public static Bound Equal(double expected, double tolerance = 0)
    {
        Finite(expected, nameof(expected));
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a finite number >= 0.");
        return new Bound(expected - tolerance, expected + tolerance, tolerance == 0 ? "= " + Show(expected) : $"= {Show(expected)} ± {Show(tolerance)}");
    }

    /// <summary>True when <paramref name="value"/> respects the bound (NaN never does).</summary>
    public bool Holds(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>A number as the checks table shows it: integers in full, others with seven significant digits (or as 1.5e-9 when tiny or huge).</summary>
    internal static string Show(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ when value == Math.Round(value) && Math.Abs(value) < 1e15 => value.ToString("0", CultureInfo.InvariantCulture),
        _ when Math.Abs(value) is < 1e-3 or >= 1e7 => value.ToString("0.###e0", CultureInfo.InvariantCulture),
        _ => value.ToString("G7", CultureInfo.InvariantCulture),
    };

    private static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "A bound must be a finite number.");
}
