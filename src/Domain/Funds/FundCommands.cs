namespace Funds.Domain.Funds;

public sealed record RegisterFundSource(string? Name, FundSourceKind? Kind, int? FiscalYear, string? DocumentRef, DateOnly? RegisteredOn = null);

public sealed record ReceiveFunds(decimal? Amount, string? DocumentRef, DateOnly? ReceivedOn);

public sealed record AllocateFunds(Guid? ProjectId, decimal? Amount, string? DocumentRef, DateOnly? AllocatedOn);

public sealed record ReduceAllocation(Guid? ProjectId, decimal? Amount, AllocationChange? Change, string? Reason, DateOnly? ReducedOn);

/// <summary>A tranche paid for a project from one fund source. The payee defaults to the builder of
/// record; another payee needs a reason.</summary>
public sealed record DisburseFunds(
    Guid? FundSourceId, decimal? Amount, DisbursementKind? Kind, string? VoucherNo, DateOnly? PaidOn,
    string? PayeeName = null, string? PayeeCreditCode = null, string? PayeeReason = null);
