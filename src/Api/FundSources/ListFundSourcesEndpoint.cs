using Funds.Api.Http;
using Marten.Pagination;

namespace Funds.Api.FundSources;

public static class ListFundSourcesEndpoint
{
    /// <summary>Fund sources with their balances now, filtered by kind and fiscal year; paged.</summary>
    [WolverineGet("/api/fund-sources", OperationId = "ListFundSources")]
    [Allow(Reads.FundSources)]
    public static async Task<Paged<FundSourceDetails>> Get(IQuerySession session, HttpContext http,
        FundSourceKind? kind = null, int? fiscalYear = null, int page = 1, int pageSize = 50)
    {
        new FieldErrors().Paging(page, pageSize, 500).ThrowIfAny();
        IQueryable<FundSource> query = session.Query<FundSource>();
        if (kind is not null) query = query.Where(s => s.Kind == kind);
        if (fiscalYear is not null) query = query.Where(s => s.FiscalYear == fiscalYear);
        var items = await query.OrderBy(s => s.FiscalYear).ThenBy(s => s.Name).ThenBy(s => s.Id).ToPagedListAsync(page, pageSize, http.RequestAborted);
        var paid = await PaidFromSource.ForAsync(session, items.ToList(), http.RequestAborted);
        return new Paged<FundSourceDetails>(items.Select(s => FundSourceDetails.Of(s, paid[s.Id])).ToList(), page, pageSize, items.TotalItemCount);
    }
}
