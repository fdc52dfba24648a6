using Funds.Api.Deadlines;
using Funds.Api.Hosting;
using Funds.Domain.Deadlines;

namespace Funds.Api.Province;

/// <summary>Roll-ups across the counties of the caller's province (provincial roles only). To read one county
/// in detail, a provincial role calls the county routes with <c>?county=CODE</c>.</summary>
public static class ProvinceReads
{
    /// <summary>Money per county of the province: received, allocated and disbursed, from each county's own records.</summary>
    [WolverineGet("/api/province/reports/funds", OperationId = "GetProvinceFundsReport"), NotTenanted, Expensive]
    [Allow(Reads.Province)]
    public static async Task<ProvinceFunds> Funds(HttpContext http, IDocumentStore store, Counties counties, int? fiscalYear = null)
    {
        var province = Province(http);
        var rows = new List<CountyFunds>();
        foreach (var county in counties.InProvince(province))
        {
            await using var session = store.QuerySession(county.Code);
            IQueryable<FundSource> query = session.Query<FundSource>();
            if (fiscalYear is not null) query = query.Where(s => s.FiscalYear == fiscalYear);
            var sources = await query.ToListAsync(http.RequestAborted);
            var projects = await session.Query<Project>().ToListAsync(http.RequestAborted);
            var ids = sources.Select(s => s.Id).ToHashSet();
            var disbursed = projects.Sum(p => p.PaidBySource.Where(x => ids.Contains(x.FundSourceId)).Sum(x => x.Paid));
            var allocated = sources.Sum(s => s.Allocated);
            rows.Add(new CountyFunds(county.Code, county.Name, sources.Count, sources.Sum(s => s.Received), allocated, sources.Sum(s => s.Unallocated),
                projects.Count, disbursed, allocated - disbursed));
        }
        var totals = new CountyFunds(province, "全省 total", rows.Sum(r => r.FundSources), rows.Sum(r => r.Received), rows.Sum(r => r.Allocated),
            rows.Sum(r => r.Unallocated), rows.Sum(r => r.Projects), rows.Sum(r => r.Disbursed), rows.Sum(r => r.AllocatedNotDisbursed));
        return new ProvinceFunds(province, rows, totals);
    }

    /// <summary>Deadline counts per county of the province, as of a business date and optionally as known at a recorded time.</summary>
    [WolverineGet("/api/province/deadlines/summary", OperationId = "GetProvinceDeadlineSummary"), NotTenanted, Expensive]
    [Allow(Reads.Province)]
    public static async Task<ProvinceDeadlines> Deadlines(HttpContext http, IDocumentStore store, Counties counties, DeadlinePolicy policy, TimeProvider clock,
        DateOnly? asOf = null, DateTimeOffset? knownAt = null)
    {
        var province = Province(http);
        var day = asOf ?? ChinaTime.DateOf(knownAt ?? clock.GetUtcNow());
        var rows = new List<CountyDeadlines>();
        foreach (var county in counties.InProvince(province))
        {
            await using var session = store.QuerySession(county.Code);
            var states = await DeadlineReads.EvaluateAsync(session, null, policy, day, knownAt, null, null, null);
            rows.Add(new CountyDeadlines(county.Code, county.Name, DeadlineReads.Summarize(day, knownAt, states).Totals with { Township = county.Name }));
        }
        return new ProvinceDeadlines(province, day, knownAt, rows);
    }

    private static string Province(HttpContext http)
        => http.User.FindFirst(FundsClaims.Province)?.Value is { Length: 2 } p ? p
            : throw RuleViolation.Forbidden("no-province", "The token names no province.");
}
