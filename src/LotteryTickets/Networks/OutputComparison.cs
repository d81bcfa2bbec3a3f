namespace LotteryTickets.Networks;

/// <summary>How far one network's outputs are from a reference's on the same inputs.</summary>
/// <param name="Inputs">Number of inputs compared.</param>
/// <param name="SupError">max over inputs and outputs of |reference - other|.</param>
/// <param name="RelativeSupError">SupError divided by the reference's largest |score|.</param>
/// <param name="ReferenceSup">The reference's largest |score|.</param>
/// <param name="Agreement">Fraction of inputs on which both predict the same class.</param>
public sealed record OutputComparison(int Inputs, double SupError, double RelativeSupError, double ReferenceSup, double Agreement);
