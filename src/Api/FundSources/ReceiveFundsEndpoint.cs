namespace Funds.Api.FundSources;

public static class ReceiveFundsEndpoint
{
    public static Task<PaidFromSource> LoadAsync(FundSource source, IDocumentSession session, CancellationToken ct)
        => PaidFromSource.ForAsync(session, source, ct);

    /// <summary>Record funds received by the county from this source (到位): amount, date, document.</summary>
    [WolverinePost("/api/fund-sources/{id}/receipts", OperationId = "ReceiveFunds")]
    public static (FundSourceDetails, Events) Post(ReceiveFunds command, [Locked] FundSource source, PaidFromSource paid, DecisionContext ctx)
        => FundSourceDetails.Decided(source, paid, FundSourceDecider.Receive(command, source, ctx));
}
