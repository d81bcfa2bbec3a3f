using LotteryTickets.Workbook;
using LotteryTickets.Statistics;

namespace LotteryTickets.Networks;

/// <summary>
/// How much a target's accuracy depends on the exact values of its kernels. A kernel ticket replaces every kernel
/// slice <c>K[j, t]</c> (a d x d matrix) by a subset sum within max-norm η of it; adding random noise of max-norm η
/// to every slice of the target predicts what that does to the accuracy before any ticket is built.
/// A bias-free ReLU network is positively homogeneous in each layer's weights: multiplying layer l by c_l &gt; 0
/// multiplies every class score by the product of the c_l and never changes a prediction. Scaling each layer so that
/// its largest |weight| is 1 (<see cref="ScaledToUnitBall"/>) makes the absolute error η as small as it can be
/// relative to the weights while staying in the max-norm unit ball the theorem covers.
/// </summary>
public static class TargetRobustness
{
    /// <summary>
    /// A copy of <paramref name="target"/> whose every kernel entry is moved by noise of size at most <paramref name="eta"/>
    /// (see <see cref="KernelNoise"/>), drawn from <paramref name="seed"/>. The result is not clamped: a ticket's approximation
    /// may also leave [-1, 1] by up to η.
    /// </summary>
    public static TargetCnn Perturbed(TargetCnn target, double eta, int seed, KernelNoise noise = KernelNoise.Uniform)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!(eta >= 0) || eta > 1)
            throw new ArgumentOutOfRangeException(nameof(eta), eta, $"eta must be between 0 and 1; got {eta}.");
        if (!Enum.IsDefined(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"noise must be one of {string.Join(", ", Enum.GetNames<KernelNoise>())}; got {noise}.");
        var kernels = new List<float[]>(target.Kernels.Count);
        for (int l = 0; l < target.Kernels.Count; l++)
        {
            var rng = Seeds.Rng(seed, 29, l);
            kernels.Add(target.Kernels[l].Select(w => (float)(w + eta * (noise == KernelNoise.Uniform ? 2 * rng.NextDouble() - 1 : rng.Next(2) * 2 - 1))).ToArray());
        }
        return new TargetCnn(target.Architecture, kernels);
    }

    /// <summary>Largest |weight| of each layer.</summary>
    public static double[] LayerMaxAbs(TargetCnn target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kernels.Select(k => k.Max(w => (double)Math.Abs(w))).ToArray();
    }

    /// <summary>The factor of each layer that makes its largest |weight| exactly 1 (1 for a layer of zeros).</summary>
    public static double[] UnitBallScales(TargetCnn target) =>
        LayerMaxAbs(target).Select(m => m > 0 ? 1 / m : 1).ToArray();

    /// <summary>
    /// <paramref name="target"/> with every layer scaled so that its largest |weight| is 1 (layer l multiplied by
    /// <see cref="UnitBallScales"/>[l]). Class scores are multiplied by the product of the factors; predictions do not
    /// change (up to float rounding of near-ties).
    /// </summary>
    public static TargetCnn ScaledToUnitBall(TargetCnn target)
    {
        var scaled = target.Scaled(UnitBallScales(target));
        // Rounding of w / max can land a hair above 1; the theorem's bound is exact.
        return new TargetCnn(target.Architecture, scaled.Kernels.Select(k => k.Select(w => Math.Clamp(w, -1f, 1f)).ToArray()).ToList());
    }

    /// <summary>
    /// Test accuracy of <paramref name="target"/> with every kernel perturbed by noise of max-norm η, for each η and
    /// <paramref name="noiseSeeds"/> noise draws (seeds derived from <paramref name="seed"/>).
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="images">Labelled images (the test set).</param>
    /// <param name="etas">Noise sizes, each in [0, 1].</param>
    /// <param name="noiseSeeds">Noise draws per η (at least 1).</param>
    /// <param name="seed">Base seed of the draws.</param>
    /// <param name="noise">Kind of noise.</param>
    public static IReadOnlyList<NoiseRobustness> Measure(TargetCnn target, ImageSet images, IReadOnlyList<double> etas, int noiseSeeds, int seed,
        KernelNoise noise = KernelNoise.Uniform)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(etas);
        if (noiseSeeds < 1 || noiseSeeds > 1000)
            throw new ArgumentOutOfRangeException(nameof(noiseSeeds), noiseSeeds, $"noiseSeeds must be between 1 and 1000; got {noiseSeeds}.");
        double clean = NetworkEvaluation.Accuracy(target.ToNetwork(), images);
        var rows = new List<NoiseRobustness>();
        foreach (double eta in etas)
        {
            var accuracies = Enumerable.Range(0, noiseSeeds)
                .Select(k => NetworkEvaluation.Accuracy(Perturbed(target, eta, Seeds.Derive(seed, 31, k), noise).ToNetwork(), images)).ToArray();
            rows.Add(new NoiseRobustness(eta, noise, clean, accuracies));
        }
        return rows;
    }
}
