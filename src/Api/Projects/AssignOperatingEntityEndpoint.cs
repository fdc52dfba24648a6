namespace Funds.Api.Projects;

public static class AssignOperatingEntityEndpoint
{
    /// <summary>Industry projects: assign the operating entity (经营主体).</summary>
    [WolverinePost("/api/projects/{id}/operating-entity", OperationId = "AssignOperatingEntity")]
    public static (ProjectDetails, Events) Post(AssignOperatingEntity command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
