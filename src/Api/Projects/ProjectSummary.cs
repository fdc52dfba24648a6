namespace Funds.Api.Projects;

/// <summary>A project in a list: where it is, where it stands, and its money in brief.</summary>
public sealed record ProjectSummary(
    Guid Id, string Name, ProjectKind Kind, string Category, string Township, string Village, int PlanYear, ProjectStatus Status,
    decimal? ApprovedBudget, decimal? ContractAmount, decimal? SettledAmount, decimal Disbursed, int Version)
{
    public static ProjectSummary Of(Project p) => new(p.Id, p.Name, p.Kind, p.Category, p.Township, p.Village, p.PlanYear, p.Status,
        p.Approval?.Budget, p.Builder?.ContractAmount, p.Settlement?.SettledAmount, p.Disbursed, p.Version);
}
