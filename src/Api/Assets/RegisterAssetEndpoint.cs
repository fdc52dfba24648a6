using Funds.Api.Projects;
namespace Funds.Api.Assets;

public static class RegisterAssetEndpoint
{
    /// <summary>Register an asset of the settled project (资产登记), township HQ of its township: what it is, its value (CNY) and
    /// where it is. Only once the project is settled (409 <c>asset-requires-settlement</c>). The answer lists the project's
    /// <c>assets</c>, the new one last.</summary>
    [WolverinePost("/api/projects/{id}/assets", OperationId = "RegisterAsset")]
    public static (ProjectDetails, Events) Post(RegisterAsset command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.RegisterAsset(Guid.CreateVersion7(), command, project, ctx));
}
