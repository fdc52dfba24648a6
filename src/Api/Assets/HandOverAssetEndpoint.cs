using Funds.Api.Projects;
namespace Funds.Api.Assets;

public static class HandOverAssetEndpoint
{
    /// <summary>Hand an asset over (资产移交), township HQ: to its owner (village collective, operating entity or another body)
    /// with the one responsible for its upkeep (管护主体). Once per asset.</summary>
    [WolverinePost("/api/projects/{id}/asset-handovers", OperationId = "HandOverAsset")]
    public static (ProjectDetails, Events) Post(HandOverAsset command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
