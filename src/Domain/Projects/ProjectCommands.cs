using Funds.Domain.Common;

namespace Funds.Domain.Projects;

// Commands as they arrive in request bodies. Value-typed fields are nullable so a missing
// field is reported as missing rather than read as zero. Who and when come from the context.

public interface IProjectCommand;

public sealed record RegisterProject(
    ProjectKind? Kind, string? Category, string? Name, string? Township, string? Village, int? PlanYear,
    DateOnly? RegisteredOn = null);

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

public sealed record RecordReview(ReviewOutcome? Outcome, string? Measure, DateOnly? ReviewedOn) : IProjectCommand;
