namespace Funds.Api.Projects;

public static class DeclareSubcontractEndpoint
{
    /// <summary>Declare a subcontract (分包) of the builder of record, township HQ of the project's township: subcontractor,
    /// credit code, scope and amount (together at most the contract). One level only: naming a subcontractor as the
    /// contractor (<c>contractorCreditCode</c>) is refused, <c>layered-subcontracting</c> (严禁层层转包, a seed fact). A declared
    /// subcontractor can be paid directly without a payment exception.</summary>
    [WolverinePost("/api/projects/{id}/subcontracts", OperationId = "DeclareSubcontract")]
    public static (ProjectDetails, Events) Post(DeclareSubcontract command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Subcontract(Guid.CreateVersion7(), command, project, ctx));
}
