namespace Funds.Api.Public;

/// <summary>A project as the village notice board shows it (村务公开): what is built, by whom, for how much, and
/// how far it has come. No staff identities, signatories, vouchers or payees other than the builder of record.</summary>
public sealed record PublicProject(
    string Name, ProjectKind Kind, string Category, int PlanYear, ProjectStatus Status,
    string? ApprovalDocumentNo, decimal? ApprovedBudget, string? Builder, decimal? ContractAmount,
    DateOnly? StartedOn, DateOnly? CompletedOn, DateOnly? AcceptedOn, decimal? SettledAmount, decimal Disbursed)
{
    public static PublicProject Of(Project p) => new(p.Name, p.Kind, p.Category, p.PlanYear, p.Status,
        p.Approval?.DocumentNo, p.Approval?.Budget, p.Builder?.Builder.Name, p.Builder?.ContractAmount,
        p.StartedOn, p.CompletedOn, p.Acceptance?.SignedOn, p.Settlement?.SettledAmount, p.Disbursed);
}
