namespace Funds.Api.Projects;

public static class SelectBuilderEndpoint
{
    /// <summary>Record the builder of record (施工单位): by public tender (tender reference) or, for small works below the county's threshold, by collective decision of the township front-line HQ (minutes reference). The contract may not exceed the approved budget.</summary>
    [WolverinePost("/api/projects/{id}/builder", OperationId = "SelectBuilder")]
    public static (ProjectDetails, Events) Post(SelectBuilder command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
