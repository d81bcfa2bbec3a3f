namespace LotteryTickets.SubsetSum;

/// <summary>
/// The distributions of the random values <c>X_1..X_n</c> in a random subset-sum instance. They are the
/// ones that appear in over-parameterized networks: single weights (uniform or normal) and products of
/// two weights <c>u_i * v_i</c>, which is what a two-layer gadget offers after pruning (paper, section on
/// the RSS lemma; Lueker's theorem needs only a density bounded below near 0, which all four have).
/// </summary>
public enum ValueDistribution
{
    /// <summary>Uniform on [-1, 1].</summary>
    Uniform,

    /// <summary>Standard normal N(0, 1).</summary>
    Normal,

    /// <summary>Product U * V of two independent U[-1, 1] values (density -ln|x|/2 on [-1, 1]).</summary>
    UniformProduct,

    /// <summary>Product Z * W of two independent N(0, 1) values (density K_0(|x|)/pi, heavy near 0).</summary>
    NormalProduct,
}
