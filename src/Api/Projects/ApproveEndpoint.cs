namespace Funds.Api.Projects;

public static class ApproveEndpoint
{
    /// <summary>Approve the project (审批): approval document number, approved budget (CNY), approving authority and date.
    /// Only once screened in and assessed feasible; the approval records the assessment's planned funding. Who approves is
    /// county policy (<c>Funds:Policy:ApprovingRole</c>, default the finance bureau; <c>TownshipApprovalLimit</c> lets the
    /// township HQ approve smaller projects of its township): another role gets 403 <c>approver-not-in-policy</c>.</summary>
    [WolverinePost("/api/projects/{id}/approval", OperationId = "ApproveProject")]
    public static (ProjectDetails, Events) Post(ApproveProject command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
