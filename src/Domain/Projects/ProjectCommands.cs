using System.Text.Json.Serialization;
using Funds.Domain.Common;
using Funds.Domain.Households;

namespace Funds.Domain.Projects;

// Commands as they arrive in request bodies. Value-typed fields are nullable so a missing field is
// reported as missing rather than read as zero. Who and when come from the context, never the body.

public interface IProjectCommand : ICommand;

public sealed record RegisterProject(
    ProjectKind? Kind, string? Category, string? Name, string? Township, string? Village, int? PlanYear,
    DateOnly? RegisteredOn = null) : Command, IPlaced
{
    [JsonIgnore] public Place? Place => Township is null ? null : new(Township.Trim(), Village?.Trim());
}

public sealed record ApproveProject(
    string? ApprovalDocumentNo, decimal? ApprovedBudget, string? ApprovedBy, DateOnly? ApprovedOn) : Command, IProjectCommand;

public sealed record SelectBuilder(
    string? BuilderName, string? CreditCode, BuilderSelectionMethod? Method, string? Reference,
    decimal? ContractAmount, DateOnly? SelectedOn) : Command, IProjectCommand;

public sealed record ChangeBuilder(
    string? BuilderName, string? CreditCode, BuilderSelectionMethod? Method, string? Reference,
    decimal? ContractAmount, string? Reason, DateOnly? ChangedOn) : Command, IProjectCommand;

public sealed record StartConstruction(DateOnly? StartedOn) : Command, IProjectCommand;

public sealed record CompleteConstruction(DateOnly? CompletedOn) : Command, IProjectCommand;

public sealed record SignOffAcceptance(IReadOnlyList<string>? Signatories, DateOnly? SignedOn) : Command, IProjectCommand;

public sealed record RefuseAcceptance(string? Reasons, IReadOnlyList<string>? Signatories, DateOnly? RefusedOn) : Command, IProjectCommand;

public sealed record SettleProject(decimal? SettledAmount, DateOnly? SettledOn) : Command, IProjectCommand;

public sealed record CancelProject(string? Reason, DateOnly? CancelledOn) : Command, IProjectCommand;

public sealed record AssignOperatingEntity(string? Name, string? CreditCode, DateOnly? AssignedOn) : Command, IProjectCommand;

/// <summary>One recipient of a distribution: the household, and its amount when shares are set one by one.</summary>
public sealed record Recipient(Guid? HouseholdId, decimal? Amount = null);

/// <summary>An income distribution naming each household. Either every recipient has an amount (adding up to
/// <c>householdTotal</c>), or none has and <c>householdTotal</c> is shared by weight per household status
/// (<c>poorWeight</c>, <c>exitedWeight</c>); <c>collectiveAmount</c> goes to the village poverty fund.</summary>
public sealed record DistributeIncome(
    string? Period, decimal? HouseholdTotal, decimal? CollectiveAmount, IReadOnlyList<Recipient>? Recipients, DateOnly? DistributedOn,
    string? RuleName = null, decimal? PoorWeight = null, decimal? ExitedWeight = null) : Command;

public sealed record LinkHousehold(Guid? HouseholdId, LinkKind? Kind, decimal? ExpectedAnnualBenefit, DateOnly? LinkedOn, string? Note = null) : Command;

public sealed record EndBenefitLink(Guid? LinkId, string? Reason, DateOnly? EndedOn) : Command;

public sealed record RecordReview(ReviewOutcome? Outcome, [Optional] string? Measure, DateOnly? ReviewedOn) : Command, IProjectCommand;

/// <summary>A tranche paid for the project from one fund source. The payee defaults to the builder of
/// record; another payee needs a reason.</summary>
public sealed record DisburseFunds(
    Guid? FundSourceId, decimal? Amount, DisbursementKind? Kind, string? VoucherNo, DateOnly? PaidOn,
    string? PayeeName = null, string? PayeeCreditCode = null, string? PayeeReason = null, Guid? PaymentExceptionId = null) : Command;

/// <summary>What a payment draws on: a fund source and what it has allocated to this project
/// (<see cref="AllocatedSince"/> is null when it has allocated nothing to it).</summary>
public sealed record PaymentSource(SourceRef Source, decimal Allocated, DateOnly? AllocatedSince);

/// <summary>Screen the project (筛选): taken into the plan (<c>included</c>) or left out, with the reason.</summary>
public sealed record ScreenProject(bool? Included, string? Reason, DateOnly? ScreenedOn) : Command, IProjectCommand;

/// <summary>Assess the project (论证): feasible or not, with the conclusion; poor households expected to be reached;
/// the planned funding sources and amounts.</summary>
public sealed record AssessProject(
    bool? Feasible, string? Conclusion, int? HouseholdsReached, IReadOnlyList<PlannedFundingLine>? PlannedFunding, DateOnly? AssessedOn) : Command, IProjectCommand;

/// <summary>One line of a planned funding: the kind of fund and the amount.</summary>
public sealed record PlannedFundingLine(FundSourceKind? Kind, decimal? Amount);

/// <summary>Declare a subcontract of the builder of record: subcontractor, credit code, scope and amount.</summary>
public sealed record DeclareSubcontract(
    string? SubcontractorName, string? CreditCode, string? Scope, decimal? Amount, DateOnly? DeclaredOn,
    string? ContractorCreditCode = null) : Command;

/// <summary>Ask for a payment off the normal path (another payee, or above the four-eyes amount), with the reason.</summary>
public sealed record RequestPaymentException(
    string? PayeeName, string? PayeeCreditCode, decimal? Amount, string? Reason, DateOnly? RequestedOn) : Command;

/// <summary>Approve a payment exception: a second finance user, not the one who asked.</summary>
public sealed record ApprovePaymentException(Guid? ExceptionId, DateOnly? ApprovedOn) : Command, IProjectCommand;

/// <summary>Record an inspection visit: announced or unannounced (暗访), the inspectors, what was found, the date.</summary>
public sealed record RecordInspection(bool? Announced, string? Inspectors, string? Summary, DateOnly? VisitedOn) : Command;

/// <summary>Register an asset of the settled project: what, value (CNY), location.</summary>
public sealed record RegisterAsset(string? Name, decimal? Value, string? Location, DateOnly? RegisteredOn) : Command;

/// <summary>Hand an asset over to its owner with a named upkeep responsible (管护主体).</summary>
public sealed record HandOverAsset(Guid? AssetId, string? Owner, AssetOwnerKind? OwnerKind, string? UpkeepResponsible, DateOnly? HandedOverOn) : Command, IProjectCommand;

/// <summary>Record an upkeep check of a handed-over asset.</summary>
public sealed record CheckAssetUpkeep(Guid? AssetId, AssetCondition? Condition, string? Note, DateOnly? CheckedOn) : Command, IProjectCommand;

/// <summary>Put a household with a dangerous house on the project's ledger.</summary>
public sealed record ListDangerousHouse(string? LedgerRef, string? Head, bool? PriorityGroup, DateOnly? ListedOn) : Command;

/// <summary>Close a household's item of the ledger (销号): its housing made safe, and how.</summary>
public sealed record CloseDangerousHouse(Guid? HouseholdId, HousingSolution? Solution, string? Note, DateOnly? ClosedOn) : Command, IProjectCommand;
