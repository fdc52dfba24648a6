using Funds.Domain.Common;
using Funds.Domain.Households;

namespace Funds.Domain.FundSources;

// Fund source stream: registered → received (到位) → allocated to projects (安排) → reduced or reclaimed.
// Payments are FundsDisbursed events in the project streams.

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

/// <summary>Stores written before payments became single-stream also hold this source-side copy of each
/// payment. It is still read (so those streams load) and folds to nothing: the payment is its FundsDisbursed.</summary>
public sealed record AllocationDrawn(
    Guid FundSourceId, Guid DisbursementId, Guid ProjectId, decimal Amount, DateOnly PaidOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>An interest subsidy (贴息) on a household's poverty micro-credit loan, paid from this source for a period.</summary>
public sealed record InterestSubsidyPaid(
    Guid FundSourceId, Guid SubsidyId, SourceRef Source, HouseholdRef Household, Guid LoanId, string Period, decimal Amount, string VoucherNo,
    DateOnly PaidOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
