using Funds.Domain.Projects;

namespace Funds.Domain.Common;

/// <summary>The roles of the system and what each may write. Reads need only authentication.</summary>
public static class Roles
{
    /// <summary>County finance bureau (县财政局): approvals, fund sources, allocations, disbursements, settlement.</summary>
    public const string Finance = "finance";
    /// <summary>Township front-line HQ (乡镇前线指挥部), scoped to one township.</summary>
    public const string TownshipHq = "township-hq";
    /// <summary>Village committee (村两委), scoped to one village: acceptance sign-off or refusal.</summary>
    public const string VillageCommittee = "village-committee";
    /// <summary>County supervision team (县督战队): reads projects and deadlines.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>Auditor / inspection (审计 / 巡视巡察): reads everything, including history and integrity.</summary>
    public const string Auditor = "auditor";
    /// <summary>Operations: projection rebuilds and other maintenance.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Finance, TownshipHq, VillageCommittee, Supervisor, Auditor, Admin];

    /// <summary>The scope string of a village committee: township and village, since village names repeat across townships.</summary>
    public static string VillageScope(string township, string village) => $"{township}/{village}";
}

/// <summary>Object-level authorization (OWASP API1): not only the right role, but the right township or village.</summary>
public static class ProjectAccess
{
    public static string RoleFor(IProjectCommand command) => command switch
    {
        ApproveProject or SettleProject => Roles.Finance,
        SignOffAcceptance or RefuseAcceptance => Roles.VillageCommittee,
        _ => Roles.TownshipHq,
    };

    public static void AuthorizeRegistration(Actor actor, RegisterProject command)
    {
        RequireRole(actor, Roles.TownshipHq);
        if (command.Township is not null && actor.Scope != command.Township.Trim())
            throw Forbidden("outside-scope", $"A township HQ registers projects only in its own township ({actor.Scope}).");
    }

    public static void Authorize(Actor actor, Project project, IProjectCommand command)
    {
        var role = RoleFor(command);
        RequireRole(actor, role);
        switch (role)
        {
            case Roles.TownshipHq when actor.Scope != project.Township:
                throw Forbidden("outside-scope", $"This project is in {project.Township}; a township HQ acts only on projects in its own township ({actor.Scope}).");
            case Roles.VillageCommittee when actor.Scope != Roles.VillageScope(project.Township, project.Village):
                throw Forbidden("outside-scope", $"This project is in {project.Township} {project.Village}; a village committee signs only for its own village ({actor.Scope}).");
        }
    }

    private static void RequireRole(Actor actor, string role)
    {
        if (actor.Role != role)
            throw Forbidden("role-not-allowed", $"This command needs the role '{role}'; the caller acts as '{actor.Role}'.");
    }

    private static RuleViolation Forbidden(string rule, string message) => new(rule, message, RejectionKind.Forbidden);
}
