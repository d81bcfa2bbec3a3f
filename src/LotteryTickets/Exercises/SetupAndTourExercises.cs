namespace LotteryTickets.Exercises;

/// <summary>
/// Graders of notebook 00's exercises. Each takes the student's answer (null while not answered) and says
/// "not answered yet", "wrong, because …" or "right"; none throws.
/// </summary>
public static class SetupAndTourExercises
{
    /// <summary>Grades every exercise of notebook 00 at once.</summary>
    /// <param name="horizontalKernel">Exercise 1: a 3×3 kernel (rows, columns) that answers a horizontal edge, dark above and bright below, with 3 and flat regions with 0.</param>
    /// <param name="waldUpper">Exercise 2: the upper end of the Wald interval p ± z·√(p(1−p)/n) for 5 successes in 6 trials.</param>
    /// <param name="countingBound">Exercise 3: the smallest n with 2⁻ⁿ ≤ ε = 10⁻³.</param>
    /// <param name="outputChangesWithSeed">Exercise 4: does any output of notebook 00 change with the seed?</param>
    public static ExerciseSheet Grade(double[,]? horizontalKernel, double? waldUpper, int? countingBound, bool? outputChangesWithSeed) =>
        new("00 · setup and tour",
        [
            HorizontalEdge(horizontalKernel),
            ExerciseSheet.Number("2. Wald interval for 5 of 6", waldUpper, WaldUpper(5, 6), 0.002, "the Wald interval's upper end for 5 of 6"),
            ExerciseSheet.Grade("3. counting bound at ε = 10⁻³", countingBound, n =>
                n == 10 ? ExerciseGrade.Right("3. counting bound at ε = 10⁻³", "2¹⁰ = 1024 sums, spacing 2/1024 < 2ε")
                : n < 10 ? ExerciseGrade.Wrong("3. counting bound at ε = 10⁻³", $"2^{n} = {Math.Pow(2, n):0} sums spaced evenly over [−1, 1] still leave a target {1 / Math.Pow(2, n):G3} away, more than ε.")
                : ExerciseGrade.Wrong("3. counting bound at ε = 10⁻³", $"{n - 1} numbers already give enough sums for the counting argument: find the smallest n.")),
            ExerciseSheet.Grade("4. what changes with the seed", outputChangesWithSeed, changes =>
                !changes ? ExerciseGrade.Right("4. what changes with the seed", "no cell draws random numbers")
                : ExerciseGrade.Wrong("4. what changes with the seed", "look at which cells draw random numbers: the image, the kernel, 42/50 and the chart are all fixed.")),
        ]);

    /// <summary>Exercise 1: the kernel must give 3 where a window straddles a dark-above, bright-below edge, 0 on flat regions, and 0 on notebook 00's vertical edge.</summary>
    public static ExerciseGrade HorizontalEdge(double[,]? kernel) => ExerciseSheet.Grade("1. a kernel for horizontal edges", kernel, k =>
    {
        const string name = "1. a kernel for horizontal edges";
        if (k.GetLength(0) != 3 || k.GetLength(1) != 3) return ExerciseGrade.Wrong(name, $"the kernel must be 3×3, not {k.GetLength(0)}×{k.GetLength(1)}.");
        double[,] horizontal = Image((r, c) => r >= 3 ? 1 : 0), vertical = Image((r, c) => c >= 3 ? 1 : 0);
        double[,] onHorizontal = Correlate(horizontal, k), onVertical = Correlate(vertical, k);
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
            {
                double expected = r is 1 or 2 ? 3 : 0;   // windows at rows 1 and 2 straddle the edge between image rows 2 and 3
                if (Math.Abs(onHorizontal[r, c] - expected) > 1e-9)
                    return ExerciseGrade.Wrong(name, $"on an image dark in rows 0–2 and bright in rows 3–5 it gives {onHorizontal[r, c]:G4} at output ({r}, {c}), where {(expected == 0 ? "the window is flat and the answer should be 0" : "the window straddles the edge and the answer should be 3")}.");
                if (Math.Abs(onVertical[r, c]) > 1e-9)
                    return ExerciseGrade.Wrong(name, $"it also answers notebook 00's vertical edge ({onVertical[r, c]:G4} at output ({r}, {c})): a horizontal-edge kernel should give 0 there.");
            }
        return ExerciseGrade.Right(name);
    });

    /// <summary>The Wald interval's upper end p + z·√(p(1−p)/n), z = 1.959964.</summary>
    internal static double WaldUpper(int successes, int trials)
    {
        double p = (double)successes / trials;
        return p + 1.959963984540054 * Math.Sqrt(p * (1 - p) / trials);
    }

    private static double[,] Image(Func<int, int, double> pixel)
    {
        var image = new double[6, 6];
        for (int r = 0; r < 6; r++) for (int c = 0; c < 6; c++) image[r, c] = pixel(r, c);
        return image;
    }

    // What conv2d computes (a cross-correlation, no padding, stride 1).
    private static double[,] Correlate(double[,] image, double[,] kernel)
    {
        int h = image.GetLength(0) - 2, w = image.GetLength(1) - 2;
        var output = new double[h, w];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
                for (int a = 0; a < 3; a++)
                    for (int b = 0; b < 3; b++)
                        output[r, c] += kernel[a, b] * image[r + a, c + b];
        return output;
    }
}
