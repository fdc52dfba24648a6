namespace Funds.Api.Findings;

public static class ReportRectificationEndpoint
{
    /// <summary>The township HQ reports the rectification (整改) of a finding in its township.</summary>
    [WolverinePost("/api/findings/{id}/rectification", OperationId = "ReportRectification")]
    public static (FindingDetails, Events) Post(ReportRectification command, [Locked] Finding finding, DecisionContext ctx)
        => FindingDetails.Decided(finding, ctx, FindingDecider.Report(command, finding, ctx));
}
