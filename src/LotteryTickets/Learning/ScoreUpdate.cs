using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Learning;

/// <summary>
/// One optimizer step on the scores (Adam, or SGD with momentum and optional weight decay), written out so that every
/// <see cref="Scalar"/> handed to libtorch is owned here and alive until the call returns. TorchSharp 0.107 frees a Scalar it
/// created implicitly from a number (<c>t.mul_(0.9)</c>, or the <c>alpha = 1</c> that <c>t.add_(other)</c> fills in) as soon
/// as a collection on another thread finalizes it, possibly while libtorch still reads it (the crash fixed in
/// TargetTrainer); so no overload here takes a number or leaves a Scalar to a default.
/// </summary>
internal sealed class ScoreUpdate : IDisposable
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly Tensor[] _scores;
    private readonly Tensor[] _first, _second;
    private readonly EdgePopupOptions _options;
    private readonly Scalar _beta1 = Beta1, _beta2 = Beta2, _oneMinusBeta1 = 1 - Beta1, _oneMinusBeta2 = 1 - Beta2, _epsilon = Epsilon, _one = 1.0;
    private readonly Scalar _momentum, _weightDecay;
    private int _steps;

    public ScoreUpdate(IReadOnlyList<Tensor> scores, EdgePopupOptions options)
    {
        _scores = scores.ToArray();
        _options = options;
        _momentum = options.Momentum;
        _weightDecay = options.WeightDecay;
        _first = _scores.Select(s => zeros_like(s).DetachFromDisposeScope()).ToArray();
        _second = options.Optimizer == ScoreOptimizer.Adam ? _scores.Select(s => zeros_like(s).DetachFromDisposeScope()).ToArray() : [];
    }

    /// <summary>Applies one step with step size <paramref name="learningRate"/> and clears the gradients.</summary>
    public void Step(double learningRate)
    {
        _steps++;
        using var noGrad = no_grad();
        for (int k = 0; k < _scores.Length; k++)
        {
            using var grad = _scores[k].grad;
            if (grad is null) continue;
            if (_options.Optimizer == ScoreOptimizer.Adam) Adam(k, grad, learningRate);
            else Sgd(k, grad, learningRate);
            grad.zero_();
        }
    }

    private void Adam(int k, Tensor grad, double learningRate)
    {
        using Scalar stepSize = -learningRate / (1 - Math.Pow(Beta1, _steps));
        using Scalar correction = Math.Sqrt(1 - Math.Pow(Beta2, _steps));
        _first[k].mul_(_beta1).add_(grad, _oneMinusBeta1);
        _second[k].mul_(_beta2).addcmul_(grad, grad, _oneMinusBeta2);
        using var denominator = _second[k].sqrt().div_(correction).add_(_epsilon, _one);
        _scores[k].addcdiv_(_first[k], denominator, stepSize);
    }

    private void Sgd(int k, Tensor grad, double learningRate)
    {
        using Scalar negativeRate = -learningRate;
        if (_options.WeightDecay > 0)
        {
            using var decayed = grad.add(_scores[k], _weightDecay);
            _first[k].mul_(_momentum).add_(decayed, _one);
        }
        else _first[k].mul_(_momentum).add_(grad, _one);
        _scores[k].add_(_first[k], negativeRate);
    }

    public void Dispose()
    {
        foreach (var t in _first.Concat(_second)) t.Dispose();
        foreach (var s in new[] { _beta1, _beta2, _oneMinusBeta1, _oneMinusBeta2, _epsilon, _one, _momentum, _weightDecay }) s.Dispose();
    }
}
