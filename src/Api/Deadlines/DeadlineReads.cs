using Funds.Api.Http;
using Funds.Api.Projects;
using Funds.Domain.Deadlines;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Deadlines;

public static class DeadlineReads
{
    /// <summary>The deadline board (督战) for a business date: every applicable deadline of every project within the
    /// caller's reach, with its status (NotDue, OnTrack, AtRisk, Missed, MetOnTime, MetLate), the rule that set it,
    /// days late / overdue / left. asOf = the business date (default: today, or knownAt's date); knownAt = a recorded
    /// time: only facts recorded by then count (what the system knew then). Filters: township, village, category,
    /// status. Ordered by days overdue, then due date. Paged; <c>Accept: text/csv</c> for the whole board as CSV.</summary>
    [WolverineGet("/api/deadlines", OperationId = "GetDeadlineBoard"), Expensive]
    [Allow(Reads.Deadlines)]
    [ProducesResponseType<DeadlineBoardPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Board(HttpContext http, IQuerySession session, DeadlinePolicy policy, TimeProvider clock,
        DateOnly? asOf = null, DateTimeOffset? knownAt = null, string? township = null, string? village = null, string? category = null,
        DeadlineStatus? status = null, int page = 1, int pageSize = 100)
    {
        new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
        var day = Day(clock, asOf, knownAt);
        var states = (await EvaluateAsync(session, http, policy, day, knownAt, township, village, category))
            .Where(s => status is null || s.Status == status).ToList();
        if (Csv.Wanted(http))
            return Csv.File($"deadlines-{day:yyyy-MM-dd}.csv",
                ["project", "township", "village", "category", "plan_year", "rule", "kind", "due", "status", "met_on", "days_late", "days_overdue", "days_left", "escalated"],
                states.Select(s => (IReadOnlyList<object?>)[s.Project, s.Township, s.Village, s.Category, s.PlanYear, s.RuleId, s.Kind.ToString(), s.Due,
                    s.Status.ToString(), s.MetOn, s.DaysLate, s.DaysOverdue, s.DaysLeft, s.Escalated ? "yes" : "no"]));
        return Results.Ok(new DeadlineBoardPage(day, knownAt, states.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, states.Count));
    }

    /// <summary>Counts of deadlines by township and status for a business date (and optionally as known at a
    /// recorded time), with the twenty most overdue. <c>Accept: text/csv</c> gives the counts as CSV.</summary>
    [WolverineGet("/api/deadlines/summary", OperationId = "GetDeadlineSummary"), Expensive]
    [Allow(Reads.Deadlines)]
    [ProducesResponseType<DeadlineSummary>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Summary(HttpContext http, IQuerySession session, DeadlinePolicy policy, TimeProvider clock,
        DateOnly? asOf = null, DateTimeOffset? knownAt = null, string? category = null)
    {
        var day = Day(clock, asOf, knownAt);
        var summary = Summarize(day, knownAt, await EvaluateAsync(session, http, policy, day, knownAt, null, null, category));
        if (Csv.Wanted(http))
            return Csv.File($"deadline-summary-{day:yyyy-MM-dd}.csv", ["township", "not_due", "on_track", "at_risk", "missed", "met_on_time", "met_late", "total"],
                summary.ByTownship.Append(summary.Totals).Select(r => (IReadOnlyList<object?>)[r.Township, r.NotDue, r.OnTrack, r.AtRisk, r.Missed, r.MetOnTime, r.MetLate, r.Total]));
        return Results.Ok(summary);
    }

    /// <summary>The deadlines that apply to one project, the rule behind each, and their status.</summary>
    [WolverineGet("/api/projects/{id}/deadlines", OperationId = "GetProjectDeadlines")]
    [Allow(Reads.Deadlines)]
    public static async Task<IReadOnlyList<DeadlineState>> ForProject(Guid id, HttpContext http, IQuerySession session, DeadlinePolicy policy, TimeProvider clock,
        DateOnly? asOf = null, DateTimeOffset? knownAt = null)
    {
        await ProjectReads.VisibleAsync(session, http, id);
        var timeline = await session.LoadAsync<ProjectTimeline>(id, http.RequestAborted) ?? throw ProjectReads.NotFound(id);
        return DeadlineBoard.Evaluate(timeline, policy, Day(clock, asOf, knownAt), knownAt).ToList();
    }

    /// <summary>The deadline policy in force: the seed's 2019 rules plus any configured ones, and the at-risk window.</summary>
    [WolverineGet("/api/deadlines/policy", OperationId = "GetDeadlinePolicy")]
    [Allow(Reads.Deadlines)]
    public static DeadlinePolicyDetails Policy(DeadlinePolicy policy) => new(policy.Rules, policy.AtRiskDays);

    public static DeadlineSummary Summarize(DateOnly day, DateTimeOffset? knownAt, IReadOnlyList<DeadlineState> states)
        => new(day, knownAt, states.GroupBy(s => s.Township).OrderBy(g => g.Key).Select(g => Count(g.Key, g)).ToList(),
            Count("全县 total", states), states.Where(s => s.Status == DeadlineStatus.Missed).Take(20).ToList());

    private static DateOnly Day(TimeProvider clock, DateOnly? asOf, DateTimeOffset? knownAt)
        => asOf ?? ChinaTime.DateOf(knownAt ?? clock.GetUtcNow());

    /// <summary>Every deadline state of the projects within the reader's reach (none when the reader is anonymous).</summary>
    public static async Task<List<DeadlineState>> EvaluateAsync(IQuerySession session, HttpContext? http, DeadlinePolicy policy, DateOnly day, DateTimeOffset? knownAt,
        string? township, string? village, string? category)
    {
        IQueryable<ProjectTimeline> query = session.Query<ProjectTimeline>();
        var (ownTownship, ownVillage) = http is null ? (null, null) : Authorization.Bounds(http.Actor());
        if (ownTownship is not null) query = query.Where(t => t.Township == ownTownship);
        if (ownVillage is not null) query = query.Where(t => t.Village == ownVillage);
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(t => t.Township == township);
        if (!string.IsNullOrWhiteSpace(village)) query = query.Where(t => t.Village == village);
        if (!string.IsNullOrWhiteSpace(category)) query = query.Where(t => t.Category == category);
        var timelines = await query.ToListAsync(http?.RequestAborted ?? default);
        return timelines.SelectMany(t => DeadlineBoard.Evaluate(t, policy, day, knownAt))
            .OrderByDescending(s => s.DaysOverdue ?? -1).ThenBy(s => s.Due).ThenBy(s => s.Township).ThenBy(s => s.Project).ToList();
    }

    private static TownshipDeadlines Count(string township, IEnumerable<DeadlineState> states)
    {
        var list = states.ToList();
        int N(DeadlineStatus s) => list.Count(x => x.Status == s);
        return new TownshipDeadlines(township, N(DeadlineStatus.NotDue), N(DeadlineStatus.OnTrack), N(DeadlineStatus.AtRisk), N(DeadlineStatus.Missed),
            N(DeadlineStatus.MetOnTime), N(DeadlineStatus.MetLate), list.Count);
    }
}
