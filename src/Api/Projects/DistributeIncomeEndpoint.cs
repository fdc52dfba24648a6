namespace Funds.Api.Projects;

public static class DistributeIncomeEndpoint
{
    /// <summary>Industry projects: record an income distribution (收益分配) to poor households and the village collective.</summary>
    [WolverinePost("/api/projects/{id}/income-distributions", OperationId = "DistributeIncome")]
    public static (ProjectDetails, Events) Post(DistributeIncome command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
