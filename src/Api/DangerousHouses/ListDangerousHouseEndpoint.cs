using Funds.Api.Projects;

namespace Funds.Api.DangerousHouses;

public static class ListDangerousHouseEndpoint
{
    /// <summary>Put a household on a housing-renovation project's dangerous-house ledger (危房户台账), township HQ: its ledger
    /// reference (village group and house number, unique on the project), the head of household, whether it is of the four
    /// priority groups (四类对象). No identity number is stored. The answer lists the project's <c>dangerousHouses</c>.</summary>
    [WolverinePost("/api/projects/{id}/dangerous-houses", OperationId = "ListDangerousHouse")]
    public static (ProjectDetails, Events) Post(ListDangerousHouse command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.ListHouse(Guid.CreateVersion7(), command, project, ctx));
}
