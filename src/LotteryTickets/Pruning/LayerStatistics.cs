namespace LotteryTickets.Pruning;

/// <summary>
/// Counts for one layer of a ticket. Density = kept weights / weights of the full random pair (the fraction
/// kept); sparsity = 1 - density (the fraction pruned). Over-parameterization = weights of the random pair /
/// weights of the target layer.
/// </summary>
/// <param name="Layer">Target layer index.</param>
/// <param name="TargetWeights">Weights of the target layer, <c>c_out c_in d^2</c>.</param>
/// <param name="RandomWeights">Weights of the random pair, <c>m c_in + c_out m d^2</c>.</param>
/// <param name="KeptWeights">Weights the mask keeps.</param>
/// <param name="Density">KeptWeights / RandomWeights (fraction kept).</param>
/// <param name="Sparsity">1 - Density (fraction pruned).</param>
/// <param name="HiddenChannels">Hidden channels <c>m</c> of the random pair (filters of its 1x1 layer).</param>
/// <param name="KeptFilters">Hidden channels that survive (1x1 filters kept; the c_out filters of the d x d layer always stay).</param>
/// <param name="Kernels">d x d kernels of the random pair, <c>c_out m</c>.</param>
/// <param name="KeptKernels">d x d kernels with at least one kept entry.</param>
/// <param name="OverParameterization">RandomWeights / TargetWeights.</param>
/// <param name="KeptPerTargetWeight">KeptWeights / TargetWeights: how many random weights the ticket spends per target weight.</param>
public sealed record LayerStatistics(int Layer, long TargetWeights, long RandomWeights, long KeptWeights, double Density, double Sparsity,
    int HiddenChannels, int KeptFilters, long Kernels, long KeptKernels, double OverParameterization, double KeptPerTargetWeight);
