using Funds.Api.Money;
using Funds.Projections.Money;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.FundSources;

public static class FundSourceTrailEndpoint
{
    /// <summary>The fund-source ledger's lines (资金台账): receipts, allocations, reductions and disbursements in
    /// recorded order, with running received, allocated and disbursed totals. Filter by business date; paged;
    /// <c>Accept: text/csv</c> for CSV. Updated asynchronously, normally within a second.</summary>
    [WolverineGet("/api/fund-sources/{id}/trail", OperationId = "GetFundSourceTrail")]
    [Allow(Reads.FundSources)]
    [ProducesResponseType<TrailPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session,
        DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 100)
    {
        var source = await session.LoadAsync<FundSource>(id, http.RequestAborted) ?? throw GetFundSourceEndpoint.NotFound(id);
        var rows = await session.Query<FundMovement>().Where(m => m.FundSourceId == id).ToListAsync(http.RequestAborted);
        return Trails.Answer(http, source.Name, rows, from, to, null, page, pageSize, $"fund-source-trail-{id}.csv");
    }
}
