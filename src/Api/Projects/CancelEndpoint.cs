namespace Funds.Api.Projects;

public static class CancelEndpoint
{
    /// <summary>Cancel the project with a reason (before settlement).</summary>
    [WolverinePost("/api/projects/{id}/cancellation", OperationId = "CancelProject")]
    public static (ProjectDetails, Events) Post(CancelProject command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
