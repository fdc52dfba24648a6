using System.Text.Json.Serialization;
using Funds.Domain.Common;
using Funds.Domain.Households;

namespace Funds.Domain.Projects;

public sealed record Approval(string DocumentNo, decimal Budget, string ApprovedBy, DateOnly ApprovedOn, Actor RecordedBy,
    IReadOnlyList<PlannedFunding>? PlannedFunding = null);

/// <summary>One planned source of a project's funding: the kind of fund and the amount (CNY).</summary>
public sealed record PlannedFunding(FundSourceKind Kind, decimal Amount);

public sealed record Subcontract(Guid Id, Builder Subcontractor, string Scope, decimal Amount, DateOnly DeclaredOn, Actor RecordedBy);

public enum PaymentExceptionGround
{
    /// <summary>The payee is neither the builder of record nor a declared subcontractor.</summary>
    OtherPayee = 1,
    /// <summary>The amount is above the county's four-eyes amount (county policy).</summary>
    AboveFourEyesAmount = 2,
}

/// <summary>A payment off the normal path: who asked and why, who approved, and the payment that used it.</summary>
public sealed record PaymentException(
    Guid Id, Payee Payee, decimal Amount, IReadOnlyList<PaymentExceptionGround> Grounds, string Reason, DateOnly RequestedOn, Actor RequestedBy,
    DateOnly? ApprovedOn = null, Actor? ApprovedBy = null, Guid? DisbursementId = null);

public sealed record Inspection(Guid Id, bool Announced, string Inspectors, string Summary, DateOnly VisitedOn, Actor RecordedBy);

public enum AssetOwnerKind
{
    /// <summary>The village collective (村集体).</summary>
    VillageCollective = 1,
    /// <summary>The operating entity of an industry project (经营主体).</summary>
    OperatingEntity = 2,
    /// <summary>A line department or utility (e.g. the power company, the water works).</summary>
    Other = 3,
}

public enum AssetCondition { Good = 1, NeedsRepair = 2, OutOfUse = 3 }

public sealed record UpkeepCheck(AssetCondition Condition, string? Note, DateOnly CheckedOn, Actor RecordedBy);

/// <summary>An asset of the project (资产): registered on settlement, handed over to an owner with an upkeep responsible
/// (管护主体), and checked.</summary>
public sealed record Asset(
    Guid Id, string Name, decimal Value, string Location, DateOnly RegisteredOn, Actor RegisteredBy,
    string? Owner = null, AssetOwnerKind? OwnerKind = null, string? UpkeepResponsible = null, DateOnly? HandedOverOn = null,
    IReadOnlyList<UpkeepCheck>? Checks = null);

public enum HousingSolution
{
    /// <summary>Renovated (修缮加固).</summary>
    Renovated = 1,
    /// <summary>Rebuilt (拆除重建).</summary>
    Rebuilt = 2,
    /// <summary>Moved to safe housing (搬迁、置换、安置).</summary>
    Relocated = 3,
    /// <summary>Found safe on appraisal (鉴定安全).</summary>
    AppraisedSafe = 4,
}

/// <summary>One item of the dangerous-house ledger, with when it was listed and closed and when each was recorded.</summary>
public sealed record DangerousHouse(
    Guid Id, string LedgerRef, string Head, bool PriorityGroup, DateOnly ListedOn, DateTimeOffset ListedAt,
    HousingSolution? Solution = null, string? Note = null, DateOnly? ClosedOn = null, DateTimeOffset? ClosedAt = null);

public sealed record Screening(bool Included, string Reason, DateOnly ScreenedOn, Actor RecordedBy);

public sealed record Assessment(bool Feasible, string Conclusion, int HouseholdsReached, IReadOnlyList<PlannedFunding> PlannedFunding,
    DateOnly AssessedOn, Actor RecordedBy);

public sealed record BuilderOfRecord(
    Builder Builder, BuilderSelectionMethod Method, string Reference, decimal ContractAmount, DateOnly SelectedOn, Actor RecordedBy);

public sealed record Acceptance(IReadOnlyList<string> Signatories, DateOnly SignedOn, Actor RecordedBy);

public sealed record Refusal(string Reasons, IReadOnlyList<string> Signatories, DateOnly RefusedOn, Actor RecordedBy);

public sealed record Settlement(decimal SettledAmount, DateOnly SettledOn, Actor RecordedBy);

public sealed record Cancellation(string Reason, DateOnly CancelledOn, Actor RecordedBy);

public sealed record OperatingEntity(string Name, string CreditCode, DateOnly AssignedOn);

public sealed record Review(ReviewOutcome Outcome, string? Measure, DateOnly ReviewedOn);

/// <summary>What the project has been paid from one fund source: what a reduction of that source's
/// allocation to the project must leave covered.</summary>
public sealed record SourcePayments(Guid FundSourceId, decimal Paid, DateOnly LastPaidOn);

/// <summary>A household's link to the project (利益联结); <c>EndedOn</c> once it ended.</summary>
public sealed record BenefitLink(Guid LinkId, HouseholdRef Household, LinkKind Kind, decimal ExpectedAnnualBenefit, DateOnly LinkedOn, DateOnly? EndedOn)
{
    public bool ActiveOn(DateOnly on) => LinkedOn <= on && (EndedOn is null || EndedOn > on);
    [JsonIgnore] public bool Current => EndedOn is null;
}

/// <summary>Which households a distribution of one period paid.</summary>
public sealed record PaidPeriod(string Period, IReadOnlyList<Guid> Households);

/// <summary>A project as its events made it: the write model the rules decide on. Immutable;
/// <see cref="Evolve"/> folds one event.</summary>
public sealed record Project : IPlaced, IVersioned
{
    public Guid Id { get; init; }
    public ProjectKind Kind { get; init; }
    public string Category { get; init; } = "";
    public string Name { get; init; } = "";
    public string Township { get; init; } = "";
    public string Village { get; init; } = "";
    public int PlanYear { get; init; }
    public ProjectStatus Status { get; init; }
    public DateOnly RegisteredOn { get; init; }
    public Actor? RegisteredBy { get; init; }
    public Approval? Approval { get; init; }
    /// <summary>The latest screening (筛选) and assessment (论证); null in streams approved before they were recorded.</summary>
    public Screening? Screening { get; init; }
    public Assessment? Assessment { get; init; }
    public BuilderOfRecord? Builder { get; init; }
    public IReadOnlyList<BuilderOfRecord> FormerBuilders { get; init; } = [];
    /// <summary>The business date of the latest step, which the next step may not precede.</summary>
    public DateOnly LastStepOn { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? CompletedOn { get; init; }
    /// <summary>The first completion reported (deadlines are judged on it unless it was refused).</summary>
    public DateOnly? FirstCompletedOn { get; init; }
    public Acceptance? Acceptance { get; init; }
    public IReadOnlyList<Refusal> Refusals { get; init; } = [];
    public Settlement? Settlement { get; init; }
    public Cancellation? Cancellation { get; init; }
    public OperatingEntity? OperatingEntity { get; init; }
    public decimal IncomeToHouseholds { get; init; }
    public decimal IncomeToCollective { get; init; }
    public int IncomeDistributions { get; init; }
    public Review? LastReview { get; init; }
    public IReadOnlyList<BenefitLink> Links { get; init; } = [];
    /// <summary>The households the project links now.</summary>
    [JsonIgnore] public IEnumerable<Guid> LinkedNow => Links.Where(l => l.Current).Select(l => l.Household.HouseholdId);
    public IReadOnlyList<PaidPeriod> PaidPeriods { get; init; } = [];
    /// <summary>Money paid out for the project (sum of its disbursements), and of it the final payments.</summary>
    public decimal Disbursed { get; init; }
    public decimal DisbursedFinal { get; init; }
    public IReadOnlyList<SourcePayments> PaidBySource { get; init; } = [];
    public DateOnly? LastPaidOn { get; init; }
    public DateOnly? FirstFinalPaymentOn { get; init; }
    /// <summary>Deadline rules escalated as missed for this project (see DeadlineMissed).</summary>
    public IReadOnlyList<string> MissedDeadlines { get; init; } = [];
    /// <summary>Subcontracts declared (one level deep), and payment exceptions (four eyes).</summary>
    public IReadOnlyList<Subcontract> Subcontracts { get; init; } = [];
    public IReadOnlyList<PaymentException> PaymentExceptions { get; init; } = [];
    /// <summary>Inspection visits (督查), announced or not.</summary>
    public IReadOnlyList<Inspection> Inspections { get; init; } = [];
    /// <summary>Assets registered on settlement (资产), their handover and upkeep checks.</summary>
    public IReadOnlyList<Asset> Assets { get; init; } = [];
    /// <summary>Housing-renovation projects: the dangerous-house ledger (危房户台账), closed item by item.</summary>
    public IReadOnlyList<DangerousHouse> DangerousHouses { get; init; } = [];
    public DateTimeOffset LastRecordedAt { get; init; }
    /// <summary>Stream version, set by the event store.</summary>
    public int Version { get; init; }

    [JsonIgnore] public Place? Place => new(Township, Village);

    /// <summary>The most that may ever be paid for the project: the settled amount once settled, else the contract.</summary>
    [JsonIgnore] public decimal? PaymentCeiling => Settlement?.SettledAmount ?? Builder?.ContractAmount;

    public decimal PaidFrom(Guid fundSourceId) => PaidBySource.FirstOrDefault(s => s.FundSourceId == fundSourceId)?.Paid ?? 0m;

    [JsonIgnore] public ProjectRef Ref => new(Id, Name, Township, Village, Category, PlanYear);

    public static Project? Evolve(Project? state, object @event) => @event switch
    {
        ProjectRegistered e => new Project
        {
            Id = e.ProjectId, Kind = e.Kind, Category = e.Category, Name = e.Name, Township = e.Township,
            Village = e.Village, PlanYear = e.PlanYear, Status = ProjectStatus.Registered,
            RegisteredOn = e.RegisteredOn, RegisteredBy = e.By, LastStepOn = e.RegisteredOn, LastRecordedAt = e.RecordedAt,
        },
        _ when state is null => null,
        ProjectApproved e => state with
        {
            Status = ProjectStatus.Approved, LastStepOn = e.ApprovedOn, LastRecordedAt = e.RecordedAt,
            Approval = new Approval(e.ApprovalDocumentNo, e.ApprovedBudget, e.ApprovedBy, e.ApprovedOn, e.By, e.PlannedFunding),
        },
        ProjectScreened e => state with
        {
            Screening = new Screening(e.Included, e.Reason, e.ScreenedOn, e.By), Assessment = null,   // a new screening needs a new assessment
            LastStepOn = Max(state.LastStepOn, e.ScreenedOn), LastRecordedAt = e.RecordedAt,
        },
        ProjectAssessed e => state with
        {
            Assessment = new Assessment(e.Feasible, e.Conclusion, e.HouseholdsReached, e.PlannedFunding, e.AssessedOn, e.By),
            LastStepOn = Max(state.LastStepOn, e.AssessedOn), LastRecordedAt = e.RecordedAt,
        },
        BuilderSelected e => state with
        {
            Status = ProjectStatus.BuilderChosen, LastStepOn = e.SelectedOn, LastRecordedAt = e.RecordedAt,
            Builder = new BuilderOfRecord(e.Builder, e.Method, e.Reference, e.ContractAmount, e.SelectedOn, e.By),
        },
        BuilderChanged e => state with
        {
            LastStepOn = Max(state.LastStepOn, e.ChangedOn), LastRecordedAt = e.RecordedAt,
            FormerBuilders = state.Builder is null ? state.FormerBuilders : [.. state.FormerBuilders, state.Builder],
            Builder = new BuilderOfRecord(e.Builder, e.Method, e.Reference, e.ContractAmount, e.ChangedOn, e.By),
        },
        ConstructionStarted e => state with
        {
            Status = ProjectStatus.UnderConstruction, StartedOn = e.StartedOn, LastStepOn = e.StartedOn, LastRecordedAt = e.RecordedAt,
        },
        ConstructionCompleted e => state with
        {
            Status = ProjectStatus.Completed, CompletedOn = e.CompletedOn, FirstCompletedOn = state.FirstCompletedOn ?? e.CompletedOn,
            LastStepOn = e.CompletedOn, LastRecordedAt = e.RecordedAt,
        },
        AcceptanceSignedOff e => state with
        {
            Status = ProjectStatus.Accepted, Acceptance = new Acceptance(e.Signatories, e.SignedOn, e.By),
            LastStepOn = e.SignedOn, LastRecordedAt = e.RecordedAt,
        },
        AcceptanceRefused e => state with
        {
            Status = ProjectStatus.Rectifying, Refusals = [.. state.Refusals, new Refusal(e.Reasons, e.Signatories, e.RefusedOn, e.By)],
            LastStepOn = e.RefusedOn, LastRecordedAt = e.RecordedAt,
        },
        ProjectSettled e => state with
        {
            Status = ProjectStatus.Settled, Settlement = new Settlement(e.SettledAmount, e.SettledOn, e.By),
            LastStepOn = e.SettledOn, LastRecordedAt = e.RecordedAt,
        },
        ProjectCancelled e => state with
        {
            Status = ProjectStatus.Cancelled, Cancellation = new Cancellation(e.Reason, e.CancelledOn, e.By),
            LastStepOn = Max(state.LastStepOn, e.CancelledOn), LastRecordedAt = e.RecordedAt,
        },
        OperatingEntityAssigned e => state with
        {
            OperatingEntity = new OperatingEntity(e.Name, e.CreditCode, e.AssignedOn), LastRecordedAt = e.RecordedAt,
        },
        IncomeDistributed e => state with
        {
            IncomeToHouseholds = state.IncomeToHouseholds + e.Households.Amount,
            IncomeToCollective = state.IncomeToCollective + e.CollectiveAmount,
            IncomeDistributions = state.IncomeDistributions + 1, LastRecordedAt = e.RecordedAt,
        },
        BenefitLinked e => state with
        {
            Links = [.. state.Links, new BenefitLink(e.LinkId, e.Household, e.Kind, e.ExpectedAnnualBenefit, e.LinkedOn, null)], LastRecordedAt = e.RecordedAt,
        },
        BenefitLinkEnded e => state with
        {
            Links = [.. state.Links.Select(l => l.LinkId == e.LinkId ? l with { EndedOn = e.EndedOn } : l)], LastRecordedAt = e.RecordedAt,
        },
        HouseholdIncomeDistributed e => state with
        {
            IncomeToHouseholds = state.IncomeToHouseholds + e.HouseholdTotal,
            IncomeToCollective = state.IncomeToCollective + e.CollectiveAmount,
            IncomeDistributions = state.IncomeDistributions + 1, LastRecordedAt = e.RecordedAt,
            PaidPeriods = Paid(state.PaidPeriods, e.Period, e.Shares.Select(x => x.Household.HouseholdId)),
        },
        PeriodicReviewRecorded e => state with
        {
            LastReview = new Review(e.Outcome, e.Measure, e.ReviewedOn), LastRecordedAt = e.RecordedAt,
        },
        DangerousHouseListed e => state with
        {
            DangerousHouses = [.. state.DangerousHouses, new DangerousHouse(e.HouseholdId, e.LedgerRef, e.Head, e.PriorityGroup, e.ListedOn, e.RecordedAt)],
            LastRecordedAt = e.RecordedAt,
        },
        DangerousHouseClosed e => state with
        {
            DangerousHouses = [.. state.DangerousHouses.Select(h => h.Id == e.HouseholdId
                ? h with { Solution = e.Solution, Note = e.Note, ClosedOn = e.ClosedOn, ClosedAt = e.RecordedAt } : h)],
            LastRecordedAt = e.RecordedAt,
        },
        AssetRegistered e => state with
        {
            Assets = [.. state.Assets, new Asset(e.AssetId, e.Name, e.Value, e.Location, e.RegisteredOn, e.By, Checks: [])],
            LastRecordedAt = e.RecordedAt,
        },
        AssetHandedOver e => state with
        {
            Assets = [.. state.Assets.Select(a => a.Id == e.AssetId
                ? a with { Owner = e.Owner, OwnerKind = e.OwnerKind, UpkeepResponsible = e.UpkeepResponsible, HandedOverOn = e.HandedOverOn } : a)],
            LastRecordedAt = e.RecordedAt,
        },
        AssetUpkeepChecked e => state with
        {
            Assets = [.. state.Assets.Select(a => a.Id == e.AssetId
                ? a with { Checks = [.. a.Checks ?? [], new UpkeepCheck(e.Condition, e.Note, e.CheckedOn, e.By)] } : a)],
            LastRecordedAt = e.RecordedAt,
        },
        InspectionRecorded e => state with
        {
            Inspections = [.. state.Inspections, new Inspection(e.InspectionId, e.Announced, e.Inspectors, e.Summary, e.VisitedOn, e.By)],
            LastRecordedAt = e.RecordedAt,
        },
        SubcontractDeclared e => state with
        {
            Subcontracts = [.. state.Subcontracts, new Subcontract(e.SubcontractId, e.Subcontractor, e.Scope, e.Amount, e.DeclaredOn, e.By)],
            LastRecordedAt = e.RecordedAt,
        },
        PaymentExceptionRequested e => state with
        {
            PaymentExceptions = [.. state.PaymentExceptions, new PaymentException(e.ExceptionId, e.Payee, e.Amount, e.Grounds, e.Reason, e.RequestedOn, e.By)],
            LastRecordedAt = e.RecordedAt,
        },
        PaymentExceptionApproved e => state with
        {
            PaymentExceptions = [.. state.PaymentExceptions.Select(x => x.Id == e.ExceptionId ? x with { ApprovedOn = e.ApprovedOn, ApprovedBy = e.By } : x)],
            LastRecordedAt = e.RecordedAt,
        },
        FundsDisbursed e => state with
        {
            PaymentExceptions = e.PaymentExceptionId is { } used
                ? [.. state.PaymentExceptions.Select(x => x.Id == used ? x with { DisbursementId = e.DisbursementId } : x)]
                : state.PaymentExceptions,
            Disbursed = state.Disbursed + e.Amount,
            DisbursedFinal = state.DisbursedFinal + (e.Kind == DisbursementKind.Final ? e.Amount : 0m),
            PaidBySource = Paid(state.PaidBySource, e),
            LastPaidOn = state.LastPaidOn is { } last && last > e.PaidOn ? last : e.PaidOn,
            FirstFinalPaymentOn = state.FirstFinalPaymentOn ?? (e.Kind == DisbursementKind.Final ? e.PaidOn : null),
            LastRecordedAt = e.RecordedAt,
        },
        DeadlineMissed e => state with { MissedDeadlines = [.. state.MissedDeadlines, e.RuleId], LastRecordedAt = e.RecordedAt },
        _ => state,
    };

    private static IReadOnlyList<PaidPeriod> Paid(IReadOnlyList<PaidPeriod> periods, string period, IEnumerable<Guid> households)
    {
        var before = periods.FirstOrDefault(p => p.Period == period);
        var after = new PaidPeriod(period, [.. before?.Households ?? [], .. households]);
        return [.. periods.Where(p => p.Period != period), after];
    }

    public bool PaidFor(string period, Guid householdId) => PaidPeriods.FirstOrDefault(p => p.Period == period)?.Households.Contains(householdId) == true;

    public BenefitLink? ActiveLink(Guid householdId, DateOnly on) => Links.FirstOrDefault(l => l.Household.HouseholdId == householdId && l.ActiveOn(on));

    private static IReadOnlyList<SourcePayments> Paid(IReadOnlyList<SourcePayments> bySource, FundsDisbursed e)
    {
        var id = e.Source.FundSourceId;
        var before = bySource.FirstOrDefault(s => s.FundSourceId == id);
        var after = before is null
            ? new SourcePayments(id, e.Amount, e.PaidOn)
            : before with { Paid = before.Paid + e.Amount, LastPaidOn = Max(before.LastPaidOn, e.PaidOn) };
        return [.. bySource.Where(s => s.FundSourceId != id), after];
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
