using Funds.Domain.Common;

namespace Funds.Domain.FundSources;

public sealed record RegisterFundSource(string? Name, FundSourceKind? Kind, int? FiscalYear, string? DocumentRef, DateOnly? RegisteredOn = null) : Command;

public sealed record ReceiveFunds(decimal? Amount, string? DocumentRef, DateOnly? ReceivedOn) : Command;

public sealed record AllocateFunds(Guid? ProjectId, decimal? Amount, string? DocumentRef, DateOnly? AllocatedOn) : Command;

public sealed record ReduceAllocation(Guid? ProjectId, decimal? Amount, AllocationChange? Change, string? Reason, DateOnly? ReducedOn) : Command;

/// <summary>Pay an interest subsidy (贴息) on a household loan for a period from this source.</summary>
public sealed record PayInterestSubsidy(Guid? HouseholdId, Guid? LoanId, string? Period, decimal? Amount, string? VoucherNo, DateOnly? PaidOn) : Command;
