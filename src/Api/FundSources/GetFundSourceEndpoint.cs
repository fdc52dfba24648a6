using Funds.Api.Audit;

namespace Funds.Api.FundSources;

public static class GetFundSourceEndpoint
{
    /// <summary>One fund source now: received, allocated and disbursed, per project (ETag = stream version).
    /// Auditors can also read its receipts and allocations as they stood at stream <c>version</c> N or as known at <c>asOf</c>.</summary>
    [WolverineGet("/api/fund-sources/{id}", OperationId = "GetFundSource")]
    [Allow(Reads.FundSources)]
    public static async Task<FundSourceDetails> Get(Guid id, HttpContext http, IQuerySession session, long? version = null, DateTimeOffset? asOf = null)
    {
        if (version is not null || asOf is not null) Authorization.RequireRead(http.Actor(), Reads.History);
        var source = (version is null && asOf is null
                         ? await session.LoadAsync<FundSource>(id, http.RequestAborted)
                         : await History.AsItStoodAsync<FundSource>(session, id, version, asOf, FundSource.Evolve, (s, v) => s with { Version = v }, http.RequestAborted))
                     ?? throw NotFound(id);
        http.Response.Headers.ETag = ETags.Format(source.Version);
        return FundSourceDetails.Of(source, await PaidFromSource.ForAsync(session, source, http.RequestAborted));
    }

    public static RuleViolation NotFound(Guid id) => RuleViolation.NotFound($"No fund source with id {id}.");
}
