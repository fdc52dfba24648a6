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

    /// <summary>A business date further back than this many days before the day it is recorded needs a late-entry
    /// reason (0: no limit). Development turns it off so that the 2019 examples run as they are.</summary>
    public int LateEntryDays { get; init; } = 30;

    public static readonly CountyPolicy Default = new();
}
