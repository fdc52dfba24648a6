namespace Funds.Api.Projects;

public static class SettleEndpoint
{
    /// <summary>Settle the project (结算): the final settled amount, at most the contract amount. Requires the village committee's sign-off.</summary>
    [WolverinePost("/api/projects/{id}/settlement", OperationId = "SettleProject")]
    public static (ProjectDetails, Events) Post(SettleProject command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
