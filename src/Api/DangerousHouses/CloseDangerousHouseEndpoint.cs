using Funds.Api.Projects;

namespace Funds.Api.DangerousHouses;

public static class CloseDangerousHouseEndpoint
{
    /// <summary>Close a household's item (销号), township HQ: its housing made safe (renovated, rebuilt, relocated, or
    /// appraised safe). Each item once; the deadline board counts them against 30 September 2019.</summary>
    [WolverinePost("/api/projects/{id}/dangerous-house-closures", OperationId = "CloseDangerousHouse")]
    public static (ProjectDetails, Events) Post(CloseDangerousHouse command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
