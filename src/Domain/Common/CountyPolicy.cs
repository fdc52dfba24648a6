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
    /// <summary>County policy: a project, household or loan may be placed only in a village on the county's register
    /// of townships and villages (POST /api/villages). On by default; a county that has not loaded its register yet
    /// may switch it off ("Funds:Policy:RequireRegisteredVillages": false), and names are then only normalized.</summary>
    public bool RequireRegisteredVillages { get; init; } = true;

    /// <summary>County policy: the most income a household may receive from project income distributions in one
    /// calendar year before the audit check flags it (CNY). The seeds ask for differentiated shares that lift a
    /// household to the poverty line "without raising expectations"; the amount is the county's.</summary>
    public decimal HouseholdIncomeCeiling { get; init; } = 5_000m;

    /// <summary>County policy: the share of its village's poor households with labour capacity an industry project
    /// should keep linked (带贫); the audit check flags projects below it. The seeds say "most" (大部分), not a number.</summary>
    public decimal MinimumLinkedShare { get; init; } = 0.5m;

    /// <summary>County policy: the largest poverty micro-credit loan to one household (CNY).</summary>
    public decimal MaxLoanAmount { get; init; } = 50_000m;

    /// <summary>County policy: the longest term of a poverty micro-credit loan, in months.</summary>
    public int MaxLoanTermMonths { get; init; } = 36;

    /// <summary>County policy: how many times a loan may be extended (展期).</summary>
    public int MaxLoanExtensions { get; init; } = 1;

    public static readonly CountyPolicy Default = new();
}
