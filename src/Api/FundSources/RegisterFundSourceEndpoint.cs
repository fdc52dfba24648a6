namespace Funds.Api.FundSources;

public static class RegisterFundSourceEndpoint
{
    /// <summary>Register a fund source (资金来源): name, kind, fiscal year and the document that created it.
    /// Answers 201 with the source and its Location.</summary>
    [WolverinePost("/api/fund-sources", OperationId = "RegisterFundSource")]
    public static (FundSourceDetails, IStartStream) Post(RegisterFundSource command, DecisionContext ctx)
        => FundSourceDetails.Started(FundSourceDecider.Register(Guid.CreateVersion7(), command, ctx));
}
