namespace Funds.Domain.Common;

/// <summary>Rules a county sets for itself. None of these values is stated in the source documents:
/// each is a configurable default (configuration "Funds:Policy", per county "Funds:Counties:N:Policy").</summary>
public sealed record CountyPolicy
{
    /// <summary>Contracts below this amount (CNY) may be awarded by collective decision of the township
    /// front-line HQ instead of public tender. The seeds leave the threshold to prefecture documents.</summary>
    public decimal SmallWorksThreshold { get; init; } = 500_000m;

    /// <summary>Before the village committee's sign-off, progress payments may reach at most this share of
    /// the contract amount.</summary>
    public decimal ProgressPaymentCap { get; init; } = 0.70m;

    /// <summary>An allocation with money left and no disbursement for this many days counts as idle.</summary>
    public int IdleAllocationDays { get; init; } = 90;

    /// <summary>Whether a contract may not exceed the approved budget (the seeds do not say; on by default).</summary>
    public bool ContractWithinBudget { get; init; } = true;

    public static readonly CountyPolicy Default = new();
}
