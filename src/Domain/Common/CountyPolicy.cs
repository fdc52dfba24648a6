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
    /// <summary>Whether a contract may not exceed the approved budget (the seeds do not say; on by default).</summary>
    public bool ContractWithinBudget { get; init; } = true;

    /// <summary>The role that approves projects (审批): "finance" (the finance bureau, recording the county leading group's
    /// decision) or "township-hq" (the township front-line HQ, which the seed gives 最终决定权 over implementation).</summary>
    public string ApprovingRole { get; init; } = "finance";

    /// <summary>Besides <see cref="ApprovingRole"/>, a township HQ may approve projects of its own township with a budget up to
    /// this amount (CNY); 0: it approves none.</summary>
    public decimal TownshipApprovalLimit { get; init; }

    /// <summary>Four eyes: a payment above this amount (CNY) needs a payment exception approved by a second finance user,
    /// as does any payment to a payee who is neither the builder of record nor a declared subcontractor; 0: no amount limit.</summary>
    public decimal FourEyesAmount { get; init; } = 1_000_000m;

    public static readonly CountyPolicy Default = new();
}
