using static TorchSharp.torch;

namespace LotteryTickets.Networks;

/// <summary>Runs networks on images and compares networks with each other (inference only: no gradients, tensors disposed per batch).</summary>
public static class NetworkEvaluation
{
    /// <summary>Class scores of <paramref name="network"/> for the first <paramref name="limit"/> images of <paramref name="images"/> (all when null), row-major <c>(count, outputs)</c>.</summary>
    public static float[] Scores(ConvNetwork network, ImageSet images, int? limit = null, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        int count = Math.Min(limit ?? images.Count, images.Count);
        using var module = network.ToModule();
        module.eval();
        var scores = new float[count * network.Outputs];
        using var noGrad = no_grad();
        for (int start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            int n = Math.Min(batchSize, count - start);
            var output = module.call(images.Images(start, n)).contiguous();
            output.data<float>().CopyTo(scores, start * network.Outputs);
        }
        return scores;
    }

    /// <summary>Class scores of <paramref name="network"/> for an input tensor <c>(batch, c, side, side)</c>, row-major <c>(batch, outputs)</c>.</summary>
    public static float[] Scores(ConvNetwork network, Tensor inputs, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(inputs);
        using var module = network.ToModule();
        module.eval();
        long count = inputs.shape[0];
        var scores = new float[count * network.Outputs];
        using var noGrad = no_grad();
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            long n = Math.Min(batchSize, count - start);
            var output = module.call(inputs.narrow(0, start, n)).contiguous();
            output.data<float>().CopyTo(scores, (int)(start * network.Outputs));
        }
        return scores;
    }

    /// <summary>Index of the largest score of each row.</summary>
    public static int[] Predictions(float[] scores, int outputs)
    {
        var result = new int[scores.Length / outputs];
        for (int r = 0; r < result.Length; r++)
        {
            int best = 0;
            for (int c = 1; c < outputs; c++)
                if (scores[r * outputs + c] > scores[r * outputs + best]) best = c;
            result[r] = best;
        }
        return result;
    }

    /// <summary>Fraction of the first <paramref name="limit"/> images (all when null) that <paramref name="network"/> classifies correctly.</summary>
    public static double Accuracy(ConvNetwork network, ImageSet images, int? limit = null)
    {
        var predictions = Predictions(Scores(network, images, limit), network.Outputs);
        int correct = 0;
        for (int i = 0; i < predictions.Length; i++) if (predictions[i] == images.Labels[i]) correct++;
        return (double)correct / predictions.Length;
    }

    /// <summary>
    /// Random inputs of a network's shape with entries uniform in [0, maxAbs] (non-negative inputs) or
    /// [-maxAbs, maxAbs] (signed inputs), so that ||X||_max ≤ maxAbs: the inputs the error budget speaks about.
    /// </summary>
    public static Tensor RandomInputs(ConvNetwork network, int count, int seed, double maxAbs = 1.0)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be positive; got {count}.");
        var rng = new Random(seed);
        int size = network.InputChannels * network.ImageSize * network.ImageSize;
        var data = new float[count * size];
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)(network.InputNonNegative ? rng.NextDouble() * maxAbs : (2 * rng.NextDouble() - 1) * maxAbs);
        return tensor(data, [count, network.InputChannels, network.ImageSize, network.ImageSize]);
    }

    /// <summary>Compares two networks' scores on the same inputs: sup-norm difference, relative to the reference's sup-norm, and agreement of predicted classes.</summary>
    public static OutputComparison Compare(float[] reference, float[] other, int outputs)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        if (reference.Length != other.Length || outputs < 1 || reference.Length % outputs != 0)
            throw new ArgumentException($"score arrays must have equal length, a multiple of outputs = {outputs}; got {reference.Length} and {other.Length}.", nameof(other));
        double sup = 0, refSup = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            sup = Math.Max(sup, Math.Abs((double)reference[i] - other[i]));
            refSup = Math.Max(refSup, Math.Abs(reference[i]));
        }
        var a = Predictions(reference, outputs);
        var b = Predictions(other, outputs);
        int agree = a.Zip(b).Count(p => p.First == p.Second);
        return new OutputComparison(a.Length, sup, refSup == 0 ? 0 : sup / refSup, refSup, (double)agree / a.Length);
    }
}
