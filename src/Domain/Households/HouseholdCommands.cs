using System.Text.Json.Serialization;
using Funds.Domain.Common;

namespace Funds.Domain.Households;

/// <summary>Put a household on its village's register. <c>identityNumber</c> (the head's 18-character resident
/// identity number) is checked and then kept only as a keyed hash and a masked form.</summary>
public sealed record RegisterHousehold(
    string? Code, string? Township, string? Village, string? HeadName, string? IdentityNumber, int? Size, int? LabourMembers,
    HouseholdStatus? Status, DateOnly? EffectiveOn) : Command, IPlaced
{
    [JsonIgnore] public Place? Place => Township is null ? null : new(Township.Trim(), Village?.Trim());
}

public sealed record ChangeHouseholdStatus(HouseholdStatus? Status, string? Reason, DateOnly? EffectiveOn) : Command;

public sealed record IssueLoan(
    string? Bank, string? ContractNo, decimal? Amount, int? TermMonths, string? Purpose, DateOnly? IssuedOn, Guid? ProjectId = null) : Command;

public sealed record RepayLoan(Guid? LoanId, decimal? Amount, DateOnly? RepaidOn) : Command;

public sealed record ExtendLoan(Guid? LoanId, DateOnly? NewDueOn, string? Reason, DateOnly? ExtendedOn) : Command;

public sealed record ReportLoanOverdue(Guid? LoanId, DateOnly? ReportedOn) : Command;

/// <summary>The head's identity number as stored: keyed hash and masked form (computed outside Domain with the county's key).</summary>
public sealed record ProtectedIdentity(string Hash, string Masked);
