using Funds.Api.Infrastructure;
using Funds.Api.Projects;
using Funds.Domain.Common;
using Funds.Domain.Funds;
using Funds.Projections.Funds;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.FundSources;

public static class FundSourceQueries
{
    /// <summary>Fund sources with their balances now (received, allocated, disbursed, unallocated),
    /// filtered by kind and fiscal year; paged.</summary>
    [WolverineGet("/api/fund-sources", OperationId = "ListFundSources")]
    [ProducesResponseType<Paged<FundSource>>(StatusCodes.Status200OK)]
    public static async Task<Paged<FundSource>> List(IQuerySession session, HttpContext http,
        FundSourceKind? kind = null, int? fiscalYear = null, int page = 1, int pageSize = 50)
    {
        new FieldErrors().Paging(page, pageSize, 500).ThrowIfAny();
        IQueryable<FundSource> query = session.Query<FundSource>();
        if (kind is not null) query = query.Where(s => s.Kind == kind);
        if (fiscalYear is not null) query = query.Where(s => s.FiscalYear == fiscalYear);
        var items = await query.OrderBy(s => s.FiscalYear).ThenBy(s => s.Name).ThenBy(s => s.Id).ToPagedListAsync(page, pageSize, http.RequestAborted);
        return new Paged<FundSource>(items.ToList(), page, pageSize, items.TotalItemCount);
    }

    /// <summary>One fund source now: balances and, per project, allocated and drawn (ETag = stream
    /// version); or its balances as they stood at stream <c>version</c> N or as known at <c>asOf</c>.</summary>
    [WolverineGet("/api/fund-sources/{id}", OperationId = "GetFundSource")]
    [ProducesResponseType<FundSource>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, long? version = null, DateTimeOffset? asOf = null)
    {
        var source = (version is null && asOf is null
                         ? await session.LoadAsync<FundSource>(id, http.RequestAborted)
                         : await Audit.History.AsItStoodAsync<FundSource>(session, id, version, asOf, FundSource.Evolve, (s, v) => s with { Version = v }, http.RequestAborted))
                     ?? throw new RuleViolation("not-found", FundSourceCommands.NotFound(id), RejectionKind.NotFound);
        http.Response.Headers.ETag = ETags.Format(source.Version);
        return Results.Ok(source);
    }

    /// <summary>The fund-source ledger's lines: receipts, allocations, reductions and disbursements in
    /// recorded order, with running received (running_1), allocated (running_2) and disbursed totals.
    /// Filter by business date; paged; <c>Accept: text/csv</c> for CSV.</summary>
    [WolverineGet("/api/fund-sources/{id}/trail", OperationId = "GetFundSourceTrail")]
    [ProducesResponseType<TrailPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Trail(Guid id, HttpContext http, IQuerySession session,
        DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 100)
    {
        var source = await session.LoadAsync<FundSource>(id, http.RequestAborted)
                     ?? throw new RuleViolation("not-found", FundSourceCommands.NotFound(id), RejectionKind.NotFound);
        var rows = await session.Query<FundMovement>().Where(m => m.FundSourceId == id).ToListAsync(http.RequestAborted);
        var entries = Trails.FromMovements(rows);
        var last = entries.LastOrDefault();
        return Trails.Answer(http, source.Name, last?.RunningSecond ?? 0m, last?.RunningDisbursed ?? 0m, entries, from, to, null, page, pageSize, $"fund-source-trail-{id}.csv");
    }
}
