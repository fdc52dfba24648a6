namespace Funds.Api.Findings;

public static class VerifyRectificationEndpoint
{
    /// <summary>Verify the reported fix on site (supervisor, auditor): by someone other than the one who reported it
    /// (403 <c>verifier-is-fixer</c>). Closure (销号) needs it.</summary>
    [WolverinePost("/api/findings/{id}/verification", OperationId = "VerifyRectification")]
    public static (FindingDetails, Events) Post(VerifyRectification command, [Locked] Finding finding, DecisionContext ctx)
        => FindingDetails.Decided(finding, ctx, FindingDecider.Verify(command, finding, ctx));
}
