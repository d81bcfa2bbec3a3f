namespace LotteryNotebooks.Readme;

/// <summary>
/// One result image of the README: the chart of an executed notebook page whose title starts with
/// <see cref="TitleStart"/>, saved as docs/images/<see cref="Image"/>, with a caption that says what it
/// shows (never what the numbers are: the image carries those, and they change with the run).
/// </summary>
public sealed record ReadmeFigure(string Notebook, string TitleStart, string Image, string Caption)
{
    /// <summary>The README's result images, in reading order (two per row).</summary>
    public static IReadOnlyList<ReadmeFigure> All { get; } =
    [
        new("01-subset-sum-one-dimension", "Coverage radius of [-1, 1] against n", "coverage-radius.png",
            "The coverage radius ε\\* of n random values against n, with quartile bands, beside the counting bound 2⁻ⁿ (notebook 01)"),
        new("03-structure-costs-samples", "One subset for the whole vector vs one subset per coordinate", "structure-cost.png",
            "Structured (one subset for a whole kernel) against unstructured (a subset per weight): success probability against n (notebook 03)"),
        new("05-network-ticket", "Test accuracy of the tickets against over-parameterization", "ticket-accuracy.png",
            "Fashion-MNIST test accuracy of the kernel, filter and unstructured tickets against the random network's over-parameterization, beside the target's (notebook 05)"),
        new("06-inference-timing", "Speed-up over the masked kernel ticket vs MAC ratio", "speed-up.png",
            "Measured speed-up of each network over the masked kernel ticket against its MAC ratio, the ideal speed-up (notebook 06)"),
    ];
}
