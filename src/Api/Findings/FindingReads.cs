using Funds.Api.Http;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Findings;

public static class FindingReads
{
    /// <summary>One entry of the rectification ledger, if within the caller's reach.</summary>
    [WolverineGet("/api/findings/{id}", OperationId = "GetFinding")]
    [Allow(Reads.Findings)]
    public static async Task<FindingDetails> Get(Guid id, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        var finding = await session.LoadAsync<Finding>(id, http.RequestAborted);
        if (finding is null || !Authorization.CanSee(http.Actor(), finding.Place))
            throw RuleViolation.NotFound($"No finding with id {id}.");
        http.Response.Headers.ETag = Pipeline.ETags.Format(finding.Version);
        return FindingDetails.Of(finding, ChinaTime.DateOf(clock.GetUtcNow()));
    }

    /// <summary>The rectification ledger within the caller's reach: findings by status, township and project;
    /// <c>overdueAsOf</c> lists only open findings past their deadline on that date, most overdue first (days
    /// overdue are counted to that date, else to today). Paged; <c>Accept: text/csv</c> gives the whole list.</summary>
    [WolverineGet("/api/findings", OperationId = "ListFindings")]
    [Allow(Reads.Findings)]
    [ProducesResponseType<Paged<FindingDetails>>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> List(IQuerySession session, HttpContext http, TimeProvider clock, FindingStatus? status = null, string? township = null,
        Guid? projectId = null, DateOnly? overdueAsOf = null, int page = 1, int pageSize = 100)
    {
        new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
        var (ownTownship, ownVillage) = Authorization.Bounds(http.Actor());
        IQueryable<Finding> query = session.Query<Finding>();
        if (ownTownship is not null) query = query.Where(f => f.Township == ownTownship);
        if (ownVillage is not null) query = query.Where(f => f.Village == ownVillage);
        if (status is not null) query = query.Where(f => f.Status == status);
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(f => f.Township == township);
        if (projectId is not null) query = query.Where(f => f.ProjectId == projectId);
        var asOf = overdueAsOf ?? ChinaTime.DateOf(clock.GetUtcNow());
        if (overdueAsOf is not null) query = query.Where(f => f.Status != FindingStatus.Closed && f.Deadline < asOf);
        query = query.OrderBy(f => f.Deadline).ThenBy(f => f.Id);

        if (Http.Csv.Wanted(http))
        {
            var all = await query.ToListAsync(http.RequestAborted);
            return Http.Csv.File("findings.csv", ["source", "description", "township", "village", "deadline", "status", "days_overdue", "raised_on", "closed_on"],
                all.Select(f => (IReadOnlyList<object?>)[f.Source.ToString(), f.Description, f.Township, f.Village, f.Deadline, f.Status.ToString(),
                    f.DaysOverdue(asOf), f.RaisedOn, f.ClosedOn]));
        }
        var items = await query.ToPagedListAsync(page, pageSize, http.RequestAborted);
        return Results.Ok(new Paged<FindingDetails>(items.Select(f => FindingDetails.Of(f, asOf)).ToList(), page, pageSize, items.TotalItemCount));
    }
}
