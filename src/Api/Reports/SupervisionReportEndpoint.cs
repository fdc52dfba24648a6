using Funds.Api.Http;
using Funds.Domain.Oversight;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Reports;

/// <summary>The monthly supervision report (督战情况): by township, the month's inspection visits and the rectification
/// ledger's movements, and what is open and overdue at the month's end.</summary>
public sealed record SupervisionReportPage(DateOnly Month, IReadOnlyList<TownshipSupervision> Townships);

public static class SupervisionReportEndpoint
{
    /// <summary>The monthly supervision report by township (督战情况) for <c>month</c> (yyyy-MM, default this month):
    /// inspection visits (of them unannounced, 暗访), findings raised, rectifications reported, sent back, verified on
    /// site and closed (销号) in the month, and findings open and overdue at its end; <c>township</c> for one.
    /// <c>Accept: text/csv</c> gives CSV.</summary>
    [WolverineGet("/api/reports/supervision", OperationId = "GetSupervisionReport")]
    [Allow(Reads.Reports)]
    [ProducesResponseType<SupervisionReportPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, TimeProvider clock, string? month = null, string? township = null)
    {
        DateOnly first = default;
        new FieldErrors().When(month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out first), "month", "must be yyyy-MM.")
            .ThrowIfAny();
        if (month is null) { var today = ChinaTime.DateOf(clock.GetUtcNow()); first = new DateOnly(today.Year, today.Month, 1); }

        IQueryable<Project> projects = session.Query<Project>().Where(p => p.Inspections.Any());
        IQueryable<Finding> findings = session.Query<Finding>();
        if (!string.IsNullOrWhiteSpace(township))
        {
            projects = projects.Where(p => p.Township == township);
            findings = findings.Where(f => f.Township == township);
        }
        var rows = SupervisionReport.For(first, await projects.ToListAsync(http.RequestAborted), await findings.ToListAsync(http.RequestAborted));
        if (Csv.Wanted(http))
            return Csv.File($"supervision-{first:yyyy-MM}.csv",
                ["township", "inspections", "unannounced", "findings_raised", "rectifications_reported", "sent_back", "verified", "closed", "open_at_month_end", "overdue_at_month_end"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Township, r.Inspections, r.Unannounced, r.FindingsRaised, r.RectificationsReported, r.SentBack,
                    r.Verified, r.Closed, r.OpenAtMonthEnd, r.OverdueAtMonthEnd]));
        return Results.Ok(new SupervisionReportPage(first, rows));
    }
}
