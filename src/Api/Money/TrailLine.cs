using Funds.Api.Http;
using Funds.Projections.Money;

namespace Funds.Api.Money;

/// <summary>One line of a money trail: what moved, from which source, to which project and payee, on which
/// business date, recorded when and by whom; amounts positive, the type says the direction; running totals
/// are those of the whole trail up to this line.</summary>
public sealed record TrailLine(
    long Sequence, FundingEntryType Type, Guid FundSourceId, string SourceName, Guid? ProjectId, string? ProjectName, decimal Amount,
    string? PayeeName, string? PayeeCreditCode, string? VoucherNo, string? DocumentRef, string? Note,
    DateOnly BusinessDate, DateTimeOffset RecordedAt, Actor By,
    decimal RunningReceived, decimal RunningAllocated, decimal RunningDisbursed)
{
    /// <summary>Disbursements: a progress or the final payment.</summary>
    public DisbursementKind? PaymentKind { get; init; }
}
