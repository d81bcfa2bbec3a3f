namespace LotteryTickets.Pruning;

/// <summary>How <see cref="TicketVerification"/> checks a ticket.</summary>
/// <param name="RandomInputs">Number of random inputs (entries uniform in [0, InputBound], or [-InputBound, InputBound] for signed-input targets).</param>
/// <param name="Seed">Seed of the random inputs.</param>
/// <param name="InputBound">||X||_max of the random inputs, and of the error budget.</param>
/// <param name="TestImages">Use only the first this many test images (null: all).</param>
public sealed record VerificationOptions(int RandomInputs = 512, int Seed = 2023, double InputBound = 1.0, int? TestImages = null);
