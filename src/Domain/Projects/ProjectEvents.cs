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

public sealed record ProjectApproved(
    Guid ProjectId, string ApprovalDocumentNo, decimal ApprovedBudget, string ApprovedBy,
    DateOnly ApprovedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

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

/// <summary>Income distributed (收益分配) as totals only: how it was recorded before distributions named each
/// household. Still read, so older streams load; new distributions are <see cref="HouseholdIncomeDistributed"/>.</summary>
public sealed record IncomeDistributed(
    Guid ProjectId, string Period, decimal HouseholdAmount, int HouseholdCount, decimal CollectiveAmount,
    DateOnly DistributedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>Periodic review ("回头看"): healthy, weak with a rectification plan, or idle with a revival measure.</summary>
public sealed record PeriodicReviewRecorded(
    Guid ProjectId, ReviewOutcome Outcome, string? Measure, DateOnly ReviewedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>A tranche paid (拨付) for the project from one fund source's allocation to a payee. It is the
/// only record of a payment: fund-source balances of money paid are folded from these.</summary>
public sealed record FundsDisbursed(
    Guid ProjectId, Guid DisbursementId, SourceRef Source, ProjectRef Project, decimal Amount, DisbursementKind Kind,
    Payee Payee, string? PayeeReason, string VoucherNo, DateOnly PaidOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>Escalation: a deadline passed without the step it demands (appended once per project and rule).</summary>
public sealed record DeadlineMissed(
    Guid ProjectId, string RuleId, DeadlineKind Kind, DateOnly Due, DateOnly MissedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

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
