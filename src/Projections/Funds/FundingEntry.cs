using Funds.Domain.Common;

namespace Funds.Projections.Funds;

public enum FundingEntryType { Receipt = 1, Allocation = 2, AllocationReduction = 3, Disbursement = 4 }

/// <summary>One line of a money trail: what moved, from which source, to which project and payee,
/// on which business date, recorded when and by whom. Amounts are positive; the type says the direction.</summary>
public sealed record FundingEntry(
    long Sequence,
    FundingEntryType Type,
    Guid FundSourceId,
    string SourceName,
    Guid? ProjectId,
    string? ProjectName,
    decimal Amount,
    string? PayeeName,
    string? PayeeCreditCode,
    string? VoucherNo,
    string? DocumentRef,
    string? Note,
    DateOnly BusinessDate,
    DateTimeOffset RecordedAt,
    Actor By,
    /// <summary>Running total after this line: allocated (net) in a project trail, received in a source trail.</summary>
    decimal RunningFirst,
    /// <summary>Running total after this line: allocated (net) in a source trail, unused here for projects.</summary>
    decimal RunningSecond,
    /// <summary>Running total disbursed after this line.</summary>
    decimal RunningDisbursed);
