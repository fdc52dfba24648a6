using Funds.Domain.Common;
using Funds.Domain.Households;

namespace Funds.Domain.Projects;

// Every project event carries its business date (…On: when it happened, a calendar date), the actor
// who recorded it (By, from the token) and when it was recorded (RecordedAt, from the injected clock).
// Business date and recorded time differ when facts are reported late.

public sealed record Builder(string Name, string CreditCode);

public sealed record ProjectRegistered(
    Guid ProjectId, ProjectKind Kind, string Category, string Name, string Township, string Village,
    int PlanYear, DateOnly RegisteredOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The project approved (审批). <see cref="PlannedFunding"/> is the funding plan of its assessment (null in
/// streams approved before screening and assessment were recorded).</summary>
public sealed record ProjectApproved(
    Guid ProjectId, string ApprovalDocumentNo, decimal ApprovedBudget, string ApprovedBy,
    DateOnly ApprovedOn, Actor By, DateTimeOffset RecordedAt, IReadOnlyList<PlannedFunding>? PlannedFunding = null) : IRecordedEvent;

public sealed record BuilderSelected(
    Guid ProjectId, Builder Builder, BuilderSelectionMethod Method, string Reference,
    decimal ContractAmount, DateOnly SelectedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The builder of record replaced; layered subcontracting is not a change of builder.</summary>
public sealed record BuilderChanged(
    Guid ProjectId, Builder Builder, BuilderSelectionMethod Method, string Reference,
    decimal ContractAmount, string Reason, DateOnly ChangedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record ConstructionStarted(Guid ProjectId, DateOnly StartedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>Completion reported; after a refused acceptance this is the re-report once rectified.</summary>
public sealed record ConstructionCompleted(
    Guid ProjectId, DateOnly CompletedOn, bool AfterRectification, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The village committee (村两委) signed the completion acceptance: the basis for settlement.</summary>
public sealed record AcceptanceSignedOff(
    Guid ProjectId, IReadOnlyList<string> Signatories, DateOnly SignedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The village committee refused acceptance; the project goes back to rectification.</summary>
public sealed record AcceptanceRefused(
    Guid ProjectId, string Reasons, IReadOnlyList<string> Signatories, DateOnly RefusedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record ProjectSettled(
    Guid ProjectId, decimal SettledAmount, DateOnly SettledOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record ProjectCancelled(
    Guid ProjectId, string Reason, DateOnly CancelledOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record OperatingEntityAssigned(
    Guid ProjectId, string Name, string CreditCode, DateOnly AssignedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>Income distributed (收益分配) as totals only: how it was recorded before distributions named each household.
/// Still read, so older streams load; new distributions are <see cref="HouseholdIncomeDistributed"/>. Version 2 (stored as
/// <c>income_distributed_v2</c>): the households' share is one value, its amount with the number of households sharing
/// it. Version 1 events read as this shape (<see cref="IncomeDistributedV1"/>).</summary>
public sealed record IncomeDistributed(
    Guid ProjectId, string Period, HouseholdsTotal Households, decimal CollectiveAmount,
    DateOnly DistributedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>What poor households received in one distribution, and how many households shared it.</summary>
public sealed record HouseholdsTotal(decimal Amount, int Count);

/// <summary>Periodic review ("回头看"): healthy, weak with a rectification plan, or idle with a revival measure.</summary>
public sealed record PeriodicReviewRecorded(
    Guid ProjectId, ReviewOutcome Outcome, string? Measure, DateOnly ReviewedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>A tranche paid (拨付) for the project from one fund source's allocation to a payee. It is the
/// only record of a payment: fund-source balances of money paid are folded from these.</summary>
public sealed record FundsDisbursed(
    Guid ProjectId, Guid DisbursementId, SourceRef Source, ProjectRef Project, decimal Amount, DisbursementKind Kind,
    Payee Payee, string? PayeeReason, string VoucherNo, DateOnly PaidOn, Actor By, DateTimeOffset RecordedAt,
    Guid? PaymentExceptionId = null) : IRecordedEvent;

/// <summary>Escalation: a deadline passed without the step it demands (appended once per project and rule).</summary>
public sealed record DeadlineMissed(
    Guid ProjectId, string RuleId, DeadlineKind Kind, DateOnly Due, DateOnly MissedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>Version 1 of <see cref="IncomeDistributed"/>, as events stored before version 2 hold it (type
/// <c>income_distributed</c>, the households' amount and count as two separate fields). Never appended again; the
/// store reads every such event as version 2 through <see cref="Upcast"/> (docs/evolution.md).</summary>
public sealed record IncomeDistributedV1(
    Guid ProjectId, string Period, decimal HouseholdAmount, int HouseholdCount, decimal CollectiveAmount,
    DateOnly DistributedOn, Actor By, DateTimeOffset RecordedAt)
{
    public IncomeDistributed Upcast()
        => new(ProjectId, Period, new HouseholdsTotal(HouseholdAmount, HouseholdCount), CollectiveAmount, DistributedOn, By, RecordedAt);
}
/// <summary>Screening (筛选): the project is taken into the plan, or left out, with the reason. Before approval it can
/// be screened again; the latest screening stands.</summary>
public sealed record ProjectScreened(
    Guid ProjectId, bool Included, string Reason, DateOnly ScreenedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>Assessment (论证): feasibility, the poor households it is expected to reach, and the planned funding
/// (sources and amounts) the approval will record.</summary>
public sealed record ProjectAssessed(
    Guid ProjectId, bool Feasible, string Conclusion, int HouseholdsReached, IReadOnlyList<PlannedFunding> PlannedFunding,
    DateOnly AssessedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>A subcontract declared (分包): the builder of record gives part of the works (scope, amount) to a
/// subcontractor. One level only: a subcontractor may not subcontract again (严禁层层转包).</summary>
public sealed record SubcontractDeclared(
    Guid ProjectId, Guid SubcontractId, Builder Subcontractor, string Scope, decimal Amount, DateOnly DeclaredOn,
    Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>A payment off the normal path asked for by one finance user: to a payee who is neither the builder of record
/// nor a declared subcontractor, or above the county's four-eyes amount, with the reason.</summary>
public sealed record PaymentExceptionRequested(
    Guid ProjectId, Guid ExceptionId, Payee Payee, decimal Amount, IReadOnlyList<PaymentExceptionGround> Grounds, string Reason,
    DateOnly RequestedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The payment exception approved by a second finance user (never the one who asked).</summary>
public sealed record PaymentExceptionApproved(
    Guid ProjectId, Guid ExceptionId, DateOnly ApprovedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>An inspection visit to the project (实地检查、现场问效; 暗访 when unannounced): who, when, what was seen. Findings
/// raised from it go to the rectification ledger with its id.</summary>
public sealed record InspectionRecorded(
    Guid ProjectId, Guid InspectionId, bool Announced, string Inspectors, string Summary, DateOnly VisitedOn,
    Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>An asset of the settled project registered (资产登记): what it is, its value (CNY) and where it is.</summary>
public sealed record AssetRegistered(
    Guid ProjectId, Guid AssetId, string Name, decimal Value, string Location, DateOnly RegisteredOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The asset handed over (资产移交) to its owner, with the one responsible for its upkeep (管护主体): 责权界定.</summary>
public sealed record AssetHandedOver(
    Guid ProjectId, Guid AssetId, string Owner, AssetOwnerKind OwnerKind, string UpkeepResponsible, DateOnly HandedOverOn,
    Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>An upkeep check of a handed-over asset (管护检查): its condition, with a note when it is not good.</summary>
public sealed record AssetUpkeepChecked(
    Guid ProjectId, Guid AssetId, AssetCondition Condition, string? Note, DateOnly CheckedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>A household with a dangerous house put on a housing-renovation project's ledger (危房户台账): its ledger reference
/// (village group and house number), the head of household, whether it is of the four priority groups (四类对象).</summary>
public sealed record DangerousHouseListed(
    Guid ProjectId, Guid HouseholdId, string LedgerRef, string Head, bool PriorityGroup, DateOnly ListedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The household's housing made safe and its item closed (销号), with how.</summary>
public sealed record DangerousHouseClosed(
    Guid ProjectId, Guid HouseholdId, HousingSolution Solution, string? Note, DateOnly ClosedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
/// <summary>A household linked to an industry project (带贫 / 利益联结) with the kind of link and the benefit expected per year.</summary>
public sealed record BenefitLinked(
    Guid ProjectId, Guid LinkId, HouseholdRef Household, LinkKind Kind, decimal ExpectedAnnualBenefit, string? Note,
    DateOnly LinkedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record BenefitLinkEnded(
    Guid ProjectId, Guid LinkId, HouseholdRef Household, string Reason, DateOnly EndedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>One household's share of a distribution, with its status on the register at the distribution date.</summary>
public sealed record HouseholdShare(HouseholdRef Household, HouseholdStatus Status, decimal Amount);

/// <summary>How the household total was shared: by weight per household status (差异化分配), or amounts set one by one.</summary>
public sealed record DistributionRule(string Name, decimal? PoorWeight, decimal? ExitedWeight);

/// <summary>Income distributed (收益分配) naming each household and its amount, with the rule used, and the village
/// collective's share paid into the village poverty fund (村扶贫基金) of <c>VillageId</c> (a VillageFundReceived in
/// that village's stream, saved in the same transaction).</summary>
public sealed record HouseholdIncomeDistributed(
    Guid ProjectId, Guid DistributionId, ProjectRef Project, string Period, DistributionRule Rule, IReadOnlyList<HouseholdShare> Shares,
    decimal HouseholdTotal, decimal CollectiveAmount, Guid? VillageId, DateOnly DistributedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
