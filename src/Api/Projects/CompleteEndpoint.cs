namespace Funds.Api.Projects;

public static class CompleteEndpoint
{
    /// <summary>Report construction completed (完工); after a refused acceptance, re-report completion once rectified.</summary>
    [WolverinePost("/api/projects/{id}/completion", OperationId = "CompleteConstruction")]
    public static (ProjectDetails, Events) Post(CompleteConstruction command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
