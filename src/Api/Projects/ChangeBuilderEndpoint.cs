namespace Funds.Api.Projects;

public static class ChangeBuilderEndpoint
{
    /// <summary>Replace the builder of record, with a reason. The same selection rules apply as to the first selection.</summary>
    [WolverinePost("/api/projects/{id}/builder-change", OperationId = "ChangeBuilder")]
    public static (ProjectDetails, Events) Post(ChangeBuilder command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
