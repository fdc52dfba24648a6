using System.Text.Json.Serialization;
using Funds.Domain.Common;

namespace Funds.Domain.Projects;

// Commands as they arrive in request bodies. Value-typed fields are nullable so a missing field is
// reported as missing rather than read as zero. Who and when come from the context, never the body.

public interface IProjectCommand : ICommand;

public sealed record RegisterProject(
    ProjectKind? Kind, string? Category, string? Name, string? Township, string? Village, int? PlanYear,
    DateOnly? RegisteredOn = null) : ICommand, IPlaced
{
    [JsonIgnore] public Place? Place => Township is null ? null : new(Township.Trim(), Village?.Trim());
}

public sealed record ApproveProject(
    string? ApprovalDocumentNo, decimal? ApprovedBudget, string? ApprovedBy, DateOnly? ApprovedOn) : IProjectCommand;

public sealed record SelectBuilder(
    string? BuilderName, string? CreditCode, BuilderSelectionMethod? Method, string? Reference,
    decimal? ContractAmount, DateOnly? SelectedOn) : IProjectCommand;

public sealed record ChangeBuilder(
    string? BuilderName, string? CreditCode, BuilderSelectionMethod? Method, string? Reference,
    decimal? ContractAmount, string? Reason, DateOnly? ChangedOn) : IProjectCommand;

public sealed record StartConstruction(DateOnly? StartedOn) : IProjectCommand;

public sealed record CompleteConstruction(DateOnly? CompletedOn) : IProjectCommand;

public sealed record SignOffAcceptance(IReadOnlyList<string>? Signatories, DateOnly? SignedOn) : IProjectCommand;

public sealed record RefuseAcceptance(string? Reasons, IReadOnlyList<string>? Signatories, DateOnly? RefusedOn) : IProjectCommand;

public sealed record SettleProject(decimal? SettledAmount, DateOnly? SettledOn) : IProjectCommand;

public sealed record CancelProject(string? Reason, DateOnly? CancelledOn) : IProjectCommand;

public sealed record AssignOperatingEntity(string? Name, string? CreditCode, DateOnly? AssignedOn) : IProjectCommand;

public sealed record DistributeIncome(
    string? Period, decimal? HouseholdAmount, int? HouseholdCount, decimal? CollectiveAmount, DateOnly? DistributedOn) : IProjectCommand;

public sealed record RecordReview(ReviewOutcome? Outcome, [Optional] string? Measure, DateOnly? ReviewedOn) : IProjectCommand;

/// <summary>A tranche paid for the project from one fund source. The payee defaults to the builder of
/// record; another payee needs a reason.</summary>
public sealed record DisburseFunds(
    Guid? FundSourceId, decimal? Amount, DisbursementKind? Kind, string? VoucherNo, DateOnly? PaidOn,
    string? PayeeName = null, string? PayeeCreditCode = null, string? PayeeReason = null) : ICommand;

/// <summary>What a payment draws on: a fund source and what it has allocated to this project
/// (<see cref="AllocatedSince"/> is null when it has allocated nothing to it).</summary>
public sealed record PaymentSource(SourceRef Source, decimal Allocated, DateOnly? AllocatedSince);
