namespace Funds.Api.Projects;

public static class StartEndpoint
{
    /// <summary>Report construction started (开工).</summary>
    [WolverinePost("/api/projects/{id}/start", OperationId = "StartConstruction")]
    public static (ProjectDetails, Events) Post(StartConstruction command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
