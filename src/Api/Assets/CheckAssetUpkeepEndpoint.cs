using Funds.Api.Projects;
namespace Funds.Api.Assets;

public static class CheckAssetUpkeepEndpoint
{
    /// <summary>Record an upkeep check (管护检查) of a handed-over asset: the village committee of its village, or county
    /// supervisors and auditors. Condition Good, NeedsRepair or OutOfUse (the last two with a note).</summary>
    [WolverinePost("/api/projects/{id}/asset-checks", OperationId = "CheckAssetUpkeep")]
    public static (ProjectDetails, Events) Post(CheckAssetUpkeep command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
