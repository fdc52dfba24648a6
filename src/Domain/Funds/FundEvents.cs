using Funds.Domain.Common;
using Funds.Domain.Projects;

namespace Funds.Domain.Funds;

public enum FundSourceKind
{
    /// <summary>Central and provincial special poverty funds (财政专项扶贫资金).</summary>
    SpecialPovertyFund = 1,
    /// <summary>Integrated agriculture-related funds (统筹整合涉农资金).</summary>
    IntegratedAgriculturalFund = 2,
    /// <summary>County own fiscal input (本级财政).</summary>
    CountyFiscal = 3,
    /// <summary>East–West poverty cooperation funds (东西部扶贫协作).</summary>
    EastWestCooperation = 4,
    /// <summary>Poverty micro-credit (扶贫小额信贷).</summary>
    MicroCredit = 5,
    /// <summary>Social funds (社会资金).</summary>
    Social = 6,
}

public enum DisbursementKind
{
    /// <summary>A progress payment (进度款), capped before acceptance sign-off.</summary>
    Progress = 1,
    /// <summary>The final settlement payment (结算尾款), only after acceptance sign-off.</summary>
    Final = 2,
}

public enum AllocationChange
{
    /// <summary>The allocation was lowered (调减).</summary>
    Reduced = 1,
    /// <summary>Unspent allocation taken back to the source (收回).</summary>
    Reclaimed = 2,
}

/// <summary>Where money went, as it stood when the money moved: carried on money events so every
/// ledger and report folds without lookups and shows what was true at the time.</summary>
public sealed record ProjectRef(Guid ProjectId, string Name, string Township, string Village, string Category, int PlanYear)
{
    public static ProjectRef Of(Project p) => new(p.Id, p.Name, p.Township, p.Village, p.Category, p.PlanYear);
}

public sealed record SourceRef(Guid FundSourceId, string Name, FundSourceKind Kind, int FiscalYear);

public sealed record Payee(string Name, string CreditCode);

// Fund source stream: registered → received (到位) → allocated to projects (安排) → reduced / reclaimed;
// each disbursement from it also draws on its allocation (AllocationDrawn), in the same transaction.

public sealed record FundSourceRegistered(
    Guid FundSourceId, string Name, FundSourceKind Kind, int FiscalYear, string DocumentRef, DateOnly RegisteredOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record FundsReceived(
    Guid FundSourceId, decimal Amount, string DocumentRef, DateOnly ReceivedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record FundsAllocated(
    Guid FundSourceId, Guid AllocationId, SourceRef Source, ProjectRef Project, decimal Amount, string DocumentRef,
    DateOnly AllocatedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record AllocationReduced(
    Guid FundSourceId, SourceRef Source, ProjectRef Project, decimal Amount, AllocationChange Change, string Reason,
    DateOnly ReducedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The source-side ledger line of a disbursement: which allocation it drew on. The payment
/// itself is the <see cref="FundsDisbursed"/> event in the project's stream, with the same id and
/// amount; totals of money paid are always taken from FundsDisbursed, never from both.</summary>
public sealed record AllocationDrawn(
    Guid FundSourceId, Guid DisbursementId, Guid ProjectId, decimal Amount, DateOnly PaidOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

// Project stream: the payment (拨付) to a payee.

public sealed record FundsDisbursed(
    Guid ProjectId, Guid DisbursementId, SourceRef Source, ProjectRef Project, decimal Amount, DisbursementKind Kind,
    Payee Payee, string? PayeeReason, string VoucherNo, DateOnly PaidOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
