using Funds.Api.Http;
using Funds.Projections.Households;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Households;

/// <summary>One line of a household's trail, with running totals: income received from projects, borrowed, repaid,
/// outstanding, interest subsidies.</summary>
public sealed record HouseholdTrailLine(
    long Sequence, HouseholdLineType Type, DateOnly BusinessDate, DateTimeOffset RecordedAt, Guid? ProjectId, string? ProjectName,
    Guid? LoanId, string? SourceName, string? Period, HouseholdStatus? StatusThen, LinkKind? LinkKind, decimal Amount, string? Reference, string? Note,
    Actor By, decimal RunningIncome, decimal RunningBorrowed, decimal RunningRepaid, decimal RunningOutstanding, decimal RunningSubsidies);

/// <summary>A household's trail: every link, income share, loan and subsidy, with the totals at its end.</summary>
public sealed record HouseholdTrail(
    Guid HouseholdId, string Code, string HeadName, decimal Income, decimal Borrowed, decimal Repaid, decimal Outstanding, decimal Subsidies,
    IReadOnlyList<HouseholdTrailLine> Items, int Page, int PageSize, long Total);

public static class HouseholdReads
{
    /// <summary>The household, if in the caller's county and reach; else 404.</summary>
    public static async Task<Household> VisibleAsync(IQuerySession session, HttpContext http, Guid id)
    {
        var household = await session.LoadAsync<Household>(id, http.RequestAborted);
        return household is not null && Authorization.CanSee(http.Actor(), household.Place) ? household
            : throw RuleViolation.NotFound($"No household with id {id}.");
    }

    public static IQueryable<Household> Within(this IQueryable<Household> query, Actor reader)
    {
        var (township, village) = Authorization.Bounds(reader);
        if (township is not null) query = query.Where(h => h.Township == township);
        if (village is not null) query = query.Where(h => h.Village == village);
        return query;
    }

    /// <summary>One household (ETag = stream version). Head's name masked for roles that do not work with households.</summary>
    [WolverineGet("/api/households/{id}", OperationId = "GetHousehold")]
    [Allow(Reads.Households)]
    public static async Task<HouseholdDetails> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var household = await VisibleAsync(session, http, id);
        http.Response.Headers.ETag = ETags.Format(household.Version);
        return HouseholdDetails.Of(household, http.Actor());
    }

    /// <summary>The household registers within the caller's reach, by township, village, status and labour capacity; paged.</summary>
    [WolverineGet("/api/households", OperationId = "ListHouseholds")]
    [Allow(Reads.Households)]
    public static async Task<Paged<HouseholdDetails>> List(IQuerySession session, HttpContext http, string? township = null, string? village = null,
        HouseholdStatus? status = null, bool? labourCapable = null, int page = 1, int pageSize = 100)
    {
        new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
        var query = session.Query<Household>().Within(http.Actor());
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(h => h.Township == township);
        if (!string.IsNullOrWhiteSpace(village)) query = query.Where(h => h.Village == village);
        if (status is not null) query = query.Where(h => h.Status == status);
        if (labourCapable is true) query = query.Where(h => h.LabourMembers > 0);
        if (labourCapable is false) query = query.Where(h => h.LabourMembers == 0);
        var items = await query.OrderBy(h => h.Code).ToPagedListAsync(page, pageSize, http.RequestAborted);
        return new Paged<HouseholdDetails>(items.Select(h => HouseholdDetails.Of(h, http.Actor())).ToList(), page, pageSize, items.TotalItemCount);
    }

    /// <summary>The household's trail (收益动态明细台账): every benefit link begun or ended, every income share (with the
    /// project, period, rule and the status it was paid under), every loan issued, repaid, extended or reported overdue,
    /// and every interest subsidy, in recorded order with running totals. Paged; <c>Accept: text/csv</c> gives the whole
    /// trail as CSV (UTF-8 with BOM). Updated asynchronously, normally within a second.</summary>
    [WolverineGet("/api/households/{id}/trail", OperationId = "GetHouseholdTrail")]
    [Allow(Reads.Households)]
    [ProducesResponseType<HouseholdTrail>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Trail(Guid id, HttpContext http, IQuerySession session, int page = 1, int pageSize = 100)
    {
        new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
        var household = await VisibleAsync(session, http, id);
        var rows = await session.Query<HouseholdLine>().Where(l => l.HouseholdId == id).OrderBy(l => l.Sequence).ToListAsync(http.RequestAborted);
        var lines = Lines(rows);
        var last = lines.LastOrDefault();
        if (Csv.Wanted(http))
            return Csv.File($"household-trail-{household.Code}.csv",
                ["sequence", "type", "business_date", "recorded_at", "project", "period", "status_then", "link_kind", "loan", "fund_source", "amount",
                 "reference", "note", "actor", "role", "running_income", "running_borrowed", "running_repaid", "running_outstanding", "running_subsidies"],
                lines.Select(l => (IReadOnlyList<object?>)[l.Sequence, l.Type.ToString(), l.BusinessDate, l.RecordedAt, l.ProjectName, l.Period,
                    l.StatusThen?.ToString(), l.LinkKind?.ToString(), l.LoanId?.ToString(), l.SourceName, l.Amount, l.Reference, l.Note, l.By.Subject, l.By.Role,
                    l.RunningIncome, l.RunningBorrowed, l.RunningRepaid, l.RunningOutstanding, l.RunningSubsidies]));
        return Results.Ok(new HouseholdTrail(household.Id, household.Code, HouseholdDetails.Name(household.HeadName, http.Actor()),
            last?.RunningIncome ?? 0m, last?.RunningBorrowed ?? 0m, last?.RunningRepaid ?? 0m, last?.RunningOutstanding ?? 0m, last?.RunningSubsidies ?? 0m,
            lines.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, lines.Count));
    }

    public static IReadOnlyList<HouseholdTrailLine> Lines(IEnumerable<HouseholdLine> rows)
    {
        decimal income = 0, borrowed = 0, repaid = 0, subsidies = 0;
        var names = new Dictionary<Guid, string?>();
        var lines = new List<HouseholdTrailLine>();
        foreach (var l in rows.OrderBy(r => r.Sequence))
        {
            switch (l.Type)
            {
                case HouseholdLineType.IncomeShare: income += l.Amount; break;
                case HouseholdLineType.LoanIssued: borrowed += l.Amount; break;
                case HouseholdLineType.LoanRepaid: repaid += l.Amount; break;
                case HouseholdLineType.InterestSubsidy: subsidies += l.Amount; break;
            }
            if (l.ProjectId is { } p && l.ProjectName is not null) names[p] = l.ProjectName;
            var project = l.ProjectName ?? (l.ProjectId is { } q ? names.GetValueOrDefault(q) : null);
            lines.Add(new HouseholdTrailLine(l.Sequence, l.Type, l.BusinessDate, l.RecordedAt, l.ProjectId, project, l.LoanId, l.SourceName, l.Period,
                l.StatusThen, l.LinkKind, l.Amount, l.Reference, l.Note, l.By, income, borrowed, repaid, borrowed - repaid, subsidies));
        }
        return lines;
    }
}
