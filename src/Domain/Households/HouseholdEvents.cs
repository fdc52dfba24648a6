using Funds.Domain.Common;

namespace Funds.Domain.Households;

// Household stream: the register entry of one household (建档立卡户), its status over time, and its
// poverty micro-credit loans (扶贫小额信贷). The identity number of the head is never stored in clear:
// only its keyed hash (to find duplicates) and a masked form (to recognise it).

/// <summary>A household as it stood when something was paid or lent to it.</summary>
public sealed record HouseholdRef(Guid HouseholdId, string Code, string Township, string Village);

public sealed record HouseholdRegistered(
    Guid HouseholdId, string Code, string Township, string Village, string HeadName, string IdentityHash, string IdentityMasked,
    int Size, int LabourMembers, HouseholdStatus Status, DateOnly EffectiveOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The household's status changed from <c>EffectiveOn</c> (may be recorded later than it took effect).</summary>
public sealed record HouseholdStatusChanged(
    Guid HouseholdId, HouseholdStatus Status, string Reason, DateOnly EffectiveOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>A poverty micro-credit loan issued by a bank to the household, for a purpose, maybe tied to an industry project.</summary>
public sealed record LoanIssued(
    Guid HouseholdId, Guid LoanId, string Bank, string ContractNo, decimal Amount, int TermMonths, string Purpose, Guid? ProjectId, string? ProjectName,
    DateOnly IssuedOn, DateOnly DueOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record LoanRepaid(Guid HouseholdId, Guid LoanId, decimal Amount, DateOnly RepaidOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The bank extended the loan (展期) to a new due date.</summary>
public sealed record LoanExtended(Guid HouseholdId, Guid LoanId, DateOnly NewDueOn, string Reason, DateOnly ExtendedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The bank reported the loan overdue (逾期) with what was outstanding.</summary>
public sealed record LoanOverdue(Guid HouseholdId, Guid LoanId, decimal Outstanding, DateOnly ReportedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
