namespace Funds.Api.Projects;

public static class ApprovePaymentExceptionEndpoint
{
    /// <summary>Approve a payment exception (finance): a second finance user, never the one who asked (403 <c>four-eyes</c>).</summary>
    [WolverinePost("/api/projects/{id}/payment-exception-approvals", OperationId = "ApprovePaymentException")]
    public static (ProjectDetails, Events) Post(ApprovePaymentException command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
