using Funds.Api.Http;
using Funds.Api.Projects;
using Funds.Domain.Deadlines;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.DangerousHouses;

/// <summary>The dangerous-house ledger on the deadline board: its rule and due date, the day it is drawn for, and the counts
/// by township with the county total.</summary>
public sealed record DangerousHouseBoardPage(string RuleId, DateOnly Due, DateOnly AsOf, DateTimeOffset? KnownAt,
    IReadOnlyList<DangerousHouseCount> ByTownship, DangerousHouseCount Total);

public static class DangerousHouseBoardEndpoint
{
    /// <summary>The dangerous-house ledger on the deadline board (rule <c>2019-housing-safety</c>: every household closed by
    /// 30 September 2019): per township, households listed, closed (and of them by the due date), open, and open past the
    /// due date; <c>asOf</c> a business date, <c>knownAt</c> only what was recorded by then (as on the main board).
    /// <c>Accept: text/csv</c> gives CSV.</summary>
    [WolverineGet("/api/deadlines/dangerous-houses", OperationId = "GetDangerousHouseBoard")]
    [Allow(Reads.Deadlines)]
    [ProducesResponseType<DangerousHouseBoardPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, TimeProvider clock, DateOnly? asOf = null,
        DateTimeOffset? knownAt = null, string? township = null)
    {
        var day = asOf ?? ChinaTime.DateOf(knownAt ?? clock.GetUtcNow());
        var query = session.Query<Project>().Within(http.Actor()).Where(p => p.DangerousHouses.Any());
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(p => p.Township == township);
        var rows = DangerousHouseBoard.Count(await query.ToListAsync(http.RequestAborted), day, knownAt);
        var total = new DangerousHouseCount("全县 total", rows.Sum(r => r.Listed), rows.Sum(r => r.Closed), rows.Sum(r => r.ClosedOnTime),
            rows.Sum(r => r.Open), rows.Sum(r => r.Overdue));
        if (Csv.Wanted(http))
            return Csv.File($"dangerous-houses-{day:yyyy-MM-dd}.csv", ["township", "listed", "closed", "closed_on_time", "open", "overdue"],
                rows.Append(total).Select(r => (IReadOnlyList<object?>)[r.Township, r.Listed, r.Closed, r.ClosedOnTime, r.Open, r.Overdue]));
        return Results.Ok(new DangerousHouseBoardPage(DangerousHouseBoard.RuleId, DangerousHouseBoard.Due, day, knownAt, rows, total));
    }
}
