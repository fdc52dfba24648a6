namespace Funds.Api.Findings;

public static class CloseFindingEndpoint
{
    /// <summary>Close the finding (销号) once its rectification is verified on site (409 <c>close-requires-verification</c>).</summary>
    [WolverinePost("/api/findings/{id}/closure", OperationId = "CloseFinding")]
    public static (FindingDetails, Events) Post(CloseFinding command, [Locked] Finding finding, DecisionContext ctx)
        => FindingDetails.Decided(finding, ctx, FindingDecider.Close(command, finding, ctx));
}
