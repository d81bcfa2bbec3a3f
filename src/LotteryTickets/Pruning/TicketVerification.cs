using LotteryTickets.Networks;
using static TorchSharp.torch;

namespace LotteryTickets.Pruning;

/// <summary>Compares a ticket's outputs with its target's (theory.md §3: the ticket approximates the target uniformly on bounded inputs).</summary>
public static class TicketVerification
{
    /// <summary>Verifies <paramref name="ticket"/> through its compact network of the given form.</summary>
    public static VerificationReport Verify(Ticket ticket, ImageSet? test = null, VerificationOptions? options = null, OneByOneForm form = OneByOneForm.Gather)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        options ??= new VerificationOptions();
        return Verify(ticket.Target, ticket.Compact(form), ticket.Budget(options.InputBound), test, options);
    }

    /// <summary>Compares any network computing a ticket with the target and checks the measured errors against <paramref name="budget"/>.</summary>
    public static VerificationReport Verify(TargetCnn target, ConvNetwork ticketNetwork, ErrorBudget budget, ImageSet? test = null, VerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(ticketNetwork);
        ArgumentNullException.ThrowIfNull(budget);
        options ??= new VerificationOptions();
        if (options.RandomInputs < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.RandomInputs, $"RandomInputs must be positive; got {options.RandomInputs}.");
        if (!(options.InputBound > 0) || double.IsInfinity(options.InputBound))
            throw new ArgumentOutOfRangeException(nameof(options), options.InputBound, $"InputBound must be positive and finite; got {options.InputBound}.");
        var targetNetwork = target.ToNetwork();
        if (ticketNetwork.InputChannels != targetNetwork.InputChannels || ticketNetwork.ImageSize != targetNetwork.ImageSize || ticketNetwork.Outputs != targetNetwork.Outputs)
            throw new ArgumentException(
                $"the ticket network takes {ticketNetwork.InputChannels}x{ticketNetwork.ImageSize}x{ticketNetwork.ImageSize} inputs to {ticketNetwork.Outputs} outputs; the target {targetNetwork.InputChannels}x{targetNetwork.ImageSize}x{targetNetwork.ImageSize} to {targetNetwork.Outputs}.",
                nameof(ticketNetwork));

        OutputComparison random;
        using (var scope = NewDisposeScope())
        {
            var inputs = NetworkEvaluation.RandomInputs(targetNetwork, options.RandomInputs, options.Seed, options.InputBound);
            random = NetworkEvaluation.Compare(NetworkEvaluation.Scores(targetNetwork, inputs), NetworkEvaluation.Scores(ticketNetwork, inputs), targetNetwork.Outputs);
        }
        OutputComparison? onTest = null;
        double? targetAccuracy = null, ticketAccuracy = null;
        if (test is not null)
        {
            var targetScores = NetworkEvaluation.Scores(targetNetwork, test, options.TestImages);
            var ticketScores = NetworkEvaluation.Scores(ticketNetwork, test, options.TestImages);
            onTest = NetworkEvaluation.Compare(targetScores, ticketScores, targetNetwork.Outputs);
            targetAccuracy = Accuracy(targetScores, test, targetNetwork.Outputs);
            ticketAccuracy = Accuracy(ticketScores, test, targetNetwork.Outputs);
        }
        // Test images have pixels in [0, 1]; the budget scales linearly with the input bound.
        double testBudget = budget.Bound / budget.InputBound;
        // The budget is exact arithmetic; the networks run in float32, whose rounding adds about 1e-7 of the outputs' size per operation.
        bool within = random.SupError <= budget.Bound * (1 + 1e-4) + 1e-5 * Math.Max(1, random.ReferenceSup) &&
                      (onTest is null || onTest.SupError <= testBudget * (1 + 1e-4) + 1e-5 * Math.Max(1, onTest.ReferenceSup));
        return new VerificationReport(ticketNetwork.Name, random, onTest, targetAccuracy, ticketAccuracy, budget.Bound, within);
    }

    private static double Accuracy(float[] scores, ImageSet set, int outputs)
    {
        var predictions = NetworkEvaluation.Predictions(scores, outputs);
        return (double)predictions.Where((p, i) => p == set.Labels[i]).Count() / predictions.Length;
    }
}
