namespace Funds.Api.Findings;

public static class SendBackRectificationEndpoint
{
    /// <summary>Send the finding back (supervisor, auditor): the reported fix was not confirmed on site; the township
    /// rectifies again and reports anew. Only while a rectification is reported and not verified.</summary>
    [WolverinePost("/api/findings/{id}/send-back", OperationId = "SendBackRectification")]
    public static (FindingDetails, Events) Post(SendBackRectification command, [Locked] Finding finding, DecisionContext ctx)
        => FindingDetails.Decided(finding, ctx, FindingDecider.SendBack(command, finding, ctx));
}
