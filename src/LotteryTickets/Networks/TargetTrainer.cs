using System.Diagnostics;
using LotteryTickets.Workbook;
using static TorchSharp.torch;
using LotteryTickets.Statistics;

namespace LotteryTickets.Networks;

/// <summary>
/// Trains a target CNN with Adam and cross-entropy, clamping every weight into
/// [-MaxAbsWeight, MaxAbsWeight] after each step (projected gradient descent onto the max-norm ball):
/// the theorem approximates targets whose weights lie in [-1, 1], because one random sample's subset sums
/// cover that cube. The learning rate follows <see cref="TrainingOptions.Schedule"/>, and training images can be
/// shifted and mirrored (<see cref="TrainingOptions.MaxShift"/>, <see cref="TrainingOptions.HorizontalFlip"/>).
/// Initialisation (He-uniform), batch order and augmentation come from the seed through <see cref="Seeds"/>,
/// so the same seed and thread count give the same target, bit for bit.
/// </summary>
public static class TargetTrainer
{
    /// <summary>He-uniform initial kernels: entries uniform in ±sqrt(6 / fan_in), capped at <paramref name="maxAbs"/>.</summary>
    public static TargetCnn InitialTarget(TargetArchitecture architecture, int seed, double maxAbs = 1.0)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        architecture.Validate(nameof(architecture));
        var kernels = new List<float[]>();
        for (int l = 0; l < architecture.Layers.Count; l++)
        {
            var s = architecture.Layers[l];
            double bound = Math.Min(maxAbs, Math.Sqrt(6.0 / (s.InChannels * s.KernelArea)));
            var rng = Seeds.Rng(seed, 1, l);
            kernels.Add(Enumerable.Range(0, s.WeightCount).Select(_ => (float)((2 * rng.NextDouble() - 1) * bound)).ToArray());
        }
        return new TargetCnn(architecture, kernels);
    }

    /// <summary>Trains a target of the given architecture on <paramref name="train"/>.</summary>
    /// <param name="architecture">Architecture to train; its input must match the images (one channel, their side).</param>
    /// <param name="train">Training images (pixels are fed in [0, 1]).</param>
    /// <param name="options">Seed, epochs, batch size, learning rate, weight bound (defaults when null).</param>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public static TrainingResult Train(TargetArchitecture architecture, ImageSet train, TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TrainingOptions();
        options.Validate();
        architecture.Validate(nameof(architecture));
        if (architecture.InputChannels != 1 || architecture.ImageSize != train.Side)
            throw new ArgumentException($"the architecture takes {architecture.InputChannels}x{architecture.ImageSize}x{architecture.ImageSize} inputs; the images are 1x{train.Side}x{train.Side}.", nameof(architecture));
        if (architecture.Classes != train.Classes)
            throw new ArgumentException($"the architecture has {architecture.Classes} outputs; the images have {train.Classes} classes.", nameof(architecture));

        var watch = Stopwatch.StartNew();
        int count = Math.Min(options.TrainImages ?? train.Count, train.Count);
        int steps = (count + options.BatchSize - 1) / options.BatchSize;
        var initial = InitialTarget(architecture, options.Seed, options.MaxAbsWeight);
        using var module = initial.ToNetwork("target").ToModule(trainable: true);
        module.train();
        var parameters = module.parameters().ToArray();
        using var optimizer = new AdamUpdate(parameters);
        using var weightNoise = options.WeightNoise > 0 ? new WeightNoise(parameters, options.WeightNoise) : null;
        var losses = new List<double>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            int[] order = Enumerable.Range(0, count).ToArray();
            Seeds.Rng(options.Seed, 2, epoch).Shuffle(order);
            var augmentation = Seeds.Rng(options.Seed, 3, epoch);
            var noise = Seeds.Rng(options.Seed, 4, epoch);
            double sum = 0, recent = 0;
            int recentCount = 0;
            for (int step = 0; step < steps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batch = order.AsSpan(step * options.BatchSize, Math.Min(options.BatchSize, count - step * options.BatchSize));
                var x = options.Augments ? AugmentedImages(train, batch, options, augmentation) : train.Images(batch);
                var y = train.LabelTensor(batch);
                module.zero_grad();
                weightNoise?.Add(noise);
                var loss = nn.functional.cross_entropy(module.call(x), y);
                loss.backward();
                weightNoise?.Restore();
                optimizer.Step(options.LearningRateAt((epoch - 1) * steps + step, options.Epochs * steps));
                module.ClampWeights(options.MaxAbsWeight);
                double value = loss.item<float>();
                sum += value; recent += value; recentCount++;
                progress?.Report(new TrainingProgress(epoch, options.Epochs, step + 1, steps, recent / recentCount));
                if (recentCount == 50) { recent = 0; recentCount = 0; }
            }
            losses.Add(sum / steps);
        }
        module.eval();
        var trained = new TargetCnn(architecture, module.ConvWeights().ToList());
        double accuracy = NetworkEvaluation.Accuracy(trained.ToNetwork(), train, limit: count);
        return new TrainingResult(trained, losses, accuracy, watch.Elapsed);
    }

    /// <summary>
    /// The images with the given indices, each shifted by a random offset of up to <see cref="TrainingOptions.MaxShift"/>
    /// pixels per direction (zeros fill the uncovered border) and mirrored with probability 1/2 when
    /// <see cref="TrainingOptions.HorizontalFlip"/> is set; the offsets and flips come from <paramref name="rng"/>.
    /// </summary>
    internal static Tensor AugmentedImages(ImageSet images, ReadOnlySpan<int> indices, TrainingOptions options, Random rng)
    {
        int side = images.Side, area = side * side, k = options.MaxShift;
        var data = new float[indices.Length * area];
        for (int i = 0; i < indices.Length; i++)
        {
            int dx = k > 0 ? rng.Next(-k, k + 1) : 0, dy = k > 0 ? rng.Next(-k, k + 1) : 0;
            bool flip = options.HorizontalFlip && rng.Next(2) == 1;
            int source = indices[i] * area, target = i * area;
            for (int row = 0; row < side; row++)
            {
                int sourceRow = row - dy;
                if (sourceRow < 0 || sourceRow >= side) continue;
                for (int col = 0; col < side; col++)
                {
                    int sourceCol = (flip ? side - 1 - col : col) - dx;
                    if (sourceCol >= 0 && sourceCol < side) data[target + row * side + col] = images.Pixels[source + sourceRow * side + sourceCol] / 255f;
                }
            }
        }
        return tensor(data, [indices.Length, 1, side, side]);
    }

    /// <summary>
    /// Noise-aware training: before each forward pass every weight moves by independent noise uniform in [-η, η], the
    /// gradient is taken there, and the exact weights are restored before the update. Training thus minimises the loss
    /// of the weights' whole max-norm neighbourhood of radius η, which is where a kernel ticket within η lands.
    /// </summary>
    private sealed class WeightNoise : IDisposable
    {
        private readonly TorchSharp.Modules.Parameter[] parameters;
        private readonly Tensor[] saved;
        private readonly float[][] buffers;
        private readonly double eta;
        private readonly TorchSharp.Scalar one = 1.0;

        public WeightNoise(TorchSharp.Modules.Parameter[] parameters, double eta)
        {
            this.parameters = parameters;
            this.eta = eta;
            saved = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
            buffers = parameters.Select(p => new float[p.numel()]).ToArray();
        }

        /// <summary>Saves the weights and adds fresh noise drawn from <paramref name="rng"/>.</summary>
        public void Add(Random rng)
        {
            using var noGrad = no_grad();
            for (int k = 0; k < parameters.Length; k++)
            {
                var buffer = buffers[k];
                for (int i = 0; i < buffer.Length; i++) buffer[i] = (float)(eta * (2 * rng.NextDouble() - 1));
                saved[k].copy_(parameters[k]);
                using var noise = tensor(buffer, parameters[k].shape);
                parameters[k].add_(noise, one);
            }
        }

        /// <summary>Puts back the weights saved by <see cref="Add"/>, bit for bit.</summary>
        public void Restore()
        {
            using var noGrad = no_grad();
            for (int k = 0; k < parameters.Length; k++) parameters[k].copy_(saved[k]);
        }

        public void Dispose()
        {
            foreach (var t in saved) t.Dispose();
            one.Dispose();
        }
    }

    /// <summary>
    /// Adam (Kingma and Ba 2015) with every <see cref="TorchSharp.Scalar"/> it passes to libtorch owned by this class
    /// and alive until the call returns. The reason is a use-after-free in TorchSharp 0.107: a Scalar created
    /// implicitly from a number (<c>t.mul_(0.9)</c>), or by an overload that fills in a default for us
    /// (<c>t.add_(scalar)</c> calls <c>t.add_(scalar, 1)</c>), is referenced by nothing once its native handle has
    /// been read, so a garbage collection started by another thread during the native call can run its finalizer,
    /// which frees the native scalar while libtorch is still reading it. libtorch then sees a scalar whose type tag is
    /// garbage and throws ("Expected false to be true" from <c>toFloat</c>, or "Unknown scalar type"), or, if the
    /// freed memory already holds another number, silently uses that one. Owned scalars, and only overloads that take
    /// every Scalar explicitly, close that window; TargetTrainerStressTests trains under forced collections to check it.
    /// </summary>
    private sealed class AdamUpdate : IDisposable
    {
        private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        private readonly TorchSharp.Modules.Parameter[] parameters;
        private readonly Tensor[] first, second;
        private readonly TorchSharp.Scalar beta1 = Beta1, beta2 = Beta2, oneMinusBeta1 = 1 - Beta1, oneMinusBeta2 = 1 - Beta2, epsilon = Epsilon, one = 1.0;
        private int steps;

        public AdamUpdate(TorchSharp.Modules.Parameter[] parameters)
        {
            this.parameters = parameters;
            first = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
            second = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        }

        public void Step(double learningRate)
        {
            steps++;
            using var noGrad = no_grad();
            using TorchSharp.Scalar stepSize = -learningRate / (1 - Math.Pow(Beta1, steps));
            using TorchSharp.Scalar correction = Math.Sqrt(1 - Math.Pow(Beta2, steps));
            for (int k = 0; k < parameters.Length; k++)
            {
                using var grad = parameters[k].grad;
                if (grad is null) continue;
                first[k].mul_(beta1).add_(grad, oneMinusBeta1);
                second[k].mul_(beta2).addcmul_(grad, grad, oneMinusBeta2);
                // add_(epsilon, one), never add_(epsilon): that overload creates the alpha = 1 Scalar implicitly (see above).
                using var denominator = second[k].sqrt().div_(correction).add_(epsilon, one);
                parameters[k].addcdiv_(first[k], denominator, stepSize);
            }
        }

        public void Dispose()
        {
            foreach (var t in first.Concat(second)) t.Dispose();
            foreach (var s in new[] { beta1, beta2, oneMinusBeta1, oneMinusBeta2, epsilon, one }) s.Dispose();
        }
    }
}
