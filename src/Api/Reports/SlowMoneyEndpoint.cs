using Funds.Api.Http;
using Funds.Domain.Oversight;
using Microsoft.AspNetCore.Mvc;
using Funds.Api.Hosting;

namespace Funds.Api.Reports;

public static class SlowMoneyEndpoint
{
    /// <summary>Slow-money indicators (资金拨付不及时): for each signed-off project, days from sign-off to the final
    /// payment (or to asOf if still unpaid), slowest first; and allocations with money left that saw no disbursement
    /// for more than idleDays (default: the county's policy, 90). asOf defaults to today. <c>Accept: text/csv</c>
    /// gives the sign-off list as CSV.</summary>
    [WolverineGet("/api/reports/slow-money", OperationId = "GetSlowMoneyReport"), Expensive]
    [Allow(Reads.Reports)]
    [ProducesResponseType<SlowMoneyReport>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Counties counties, TimeProvider clock,
        DateOnly? asOf = null, int? idleDays = null, string? township = null)
    {
        new FieldErrors().When(idleDays is < 1 or > 3650, "idleDays", "must be between 1 and 3650.").ThrowIfAny();
        var day = asOf ?? ChinaTime.DateOf(clock.GetUtcNow());
        var threshold = idleDays ?? counties.PolicyOf(session.TenantId).IdleAllocationDays;

        IQueryable<Project> query = session.Query<Project>();
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(p => p.Township == township);
        var projects = await query.ToListAsync(http.RequestAborted);
        var signed = projects.Select(p => SlowMoney.SignOffToPayment(p, day)).OfType<SignOffToPayment>().OrderByDescending(x => x.Days).ToList();

        var sources = await session.Query<FundSource>().ToListAsync(http.RequestAborted);
        var byId = projects.ToDictionary(p => p.Id);
        var idle = sources.SelectMany(s => SlowMoney.IdleAllocations(s, byId, day, threshold))
            .Where(a => township is null || byId.ContainsKey(a.ProjectId))
            .OrderByDescending(x => x.IdleDays).ToList();

        if (Csv.Wanted(http))
            return Csv.File($"slow-money-{day:yyyy-MM-dd}.csv", ["project", "township", "village", "signed_on", "final_paid_on", "days", "paid"],
                signed.Select(x => (IReadOnlyList<object?>)[x.Project, x.Township, x.Village, x.SignedOn, x.FinalPaidOn, x.Days, x.Paid ? "yes" : "no"]));
        var average = signed.Count == 0 ? (double?)null : Math.Round(signed.Average(x => x.Days), 1);
        return Results.Ok(new SlowMoneyReport(day, threshold, average, signed, idle));
    }
}
