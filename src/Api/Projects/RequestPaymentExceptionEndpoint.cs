namespace Funds.Api.Projects;

public static class RequestPaymentExceptionEndpoint
{
    /// <summary>Ask for a payment off the normal path (finance): to a payee who is neither the builder of record nor a
    /// declared subcontractor, or above the county's four-eyes amount (county policy, default 1,000,000 yuan), with the
    /// reason. A second finance user approves it; the payment then names it (<c>paymentExceptionId</c>) and uses it once.
    /// The answer lists the project's <c>paymentExceptions</c>, the new one last.</summary>
    [WolverinePost("/api/projects/{id}/payment-exceptions", OperationId = "RequestPaymentException")]
    public static (ProjectDetails, Events) Post(RequestPaymentException command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.RequestException(Guid.CreateVersion7(), command, project, ctx));
}
