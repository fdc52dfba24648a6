namespace Funds.Api.Projects;

public static class RefuseEndpoint
{
    /// <summary>The village committee refuses acceptance with reasons; the project goes back to rectification.</summary>
    [WolverinePost("/api/projects/{id}/acceptance-refusal", OperationId = "RefuseAcceptance")]
    public static (ProjectDetails, Events) Post(RefuseAcceptance command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
