namespace Funds.Api.Projects;

public static class ApproveEndpoint
{
    /// <summary>Approve the project (审批): approval document number, approved budget (CNY), approving authority and date.</summary>
    [WolverinePost("/api/projects/{id}/approval", OperationId = "ApproveProject")]
    public static (ProjectDetails, Events) Post(ApproveProject command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
