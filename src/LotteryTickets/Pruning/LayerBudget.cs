namespace LotteryTickets.Pruning;

/// <summary>One step of the <see cref="ErrorBudget"/> recursion.</summary>
/// <param name="Layer">Target layer index.</param>
/// <param name="InputBound">B_{l-1}: bound on the target's input to this layer in max-norm.</param>
/// <param name="TargetLipschitz">L_l = max_j Σ_t ||K[j, t]||_1.</param>
/// <param name="TicketLipschitz">Lip_l of the ticket's layer.</param>
/// <param name="KernelError">E_l: output error per unit of input (Σ over the kernel of the entrywise errors, max over outputs).</param>
/// <param name="OutputErrorBound">e_l = Lip_l e_{l-1} + E_l B_{l-1}: bound on this layer's output error.</param>
public sealed record LayerBudget(int Layer, double InputBound, double TargetLipschitz, double TicketLipschitz, double KernelError, double OutputErrorBound);
