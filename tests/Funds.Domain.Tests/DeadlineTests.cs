using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class DeadlineTests
{
    private static readonly DateTimeOffset Early = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProjectTimeline Timeline(int planYear, string category = "road", params TimelineFact[] facts)
        => new() { Id = Id, Name = "p", Township = "官店镇", Village = "黄坪村", Category = category, PlanYear = planYear, RegisteredAt = Early, Facts = facts };

    private static TimelineFact Fact(FactType type, string on, string? recorded = null)
        => new(type, D(on), recorded is null ? new DateTimeOffset(D(on).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : DateTimeOffset.Parse(recorded));

    private static DeadlineState One(ProjectTimeline t, string asOf, string rule, DateTimeOffset? knownAt = null)
        => DeadlineBoard.Evaluate(t, DeadlinePolicy.Default, D(asOf), knownAt).Single(s => s.RuleId == rule);

    // The seed: "2019年以前启动的项目" (started before 2019) complete by 30 June; "2019年新启动的项目" start by
    // 31 March and complete by 30 September. Which applies is read from the actual start, not the plan year.
    public static TheoryData<int, string, string?, string[]> Applicable => new()
    {
        { 2017, "road", "2017-05-01", ["2019-continuing-completion"] },
        { 2018, "power-grid", "2018-10-01", ["2019-continuing-completion"] },
        { 2018, "power-grid", null, ["2019-new-start", "2019-new-completion"] },
        { 2018, "road", "2019-02-01", ["2019-new-start", "2019-new-completion"] },
        { 2019, "road", null, ["2019-new-start", "2019-new-completion"] },
        { 2019, "road", "2018-12-31", ["2019-continuing-completion"] },
        { 2019, "drinking-water", "2019-03-01", ["2019-new-start", "2019-new-completion", "2019-drinking-water"] },
        { 2018, "drinking-water", "2018-06-01", ["2019-continuing-completion", "2019-drinking-water"] },
        { 2020, "road", null, [] },
    };

    [Theory]
    [MemberData(nameof(Applicable))]
    public void the_2019_plan_says_which_deadlines_apply(int planYear, string category, string? started, string[] rules)
        => Assert.Equal(rules, DeadlinePolicy.Default.For(planYear, category, started is null ? null : D(started)).Select(r => r.Id).ToArray());

    [Fact]
    public void industry_projects_follow_the_2019_plan_only_by_county_policy()
    {
        Assert.Equal(2, DeadlinePolicy.Default.For(2019, "cooperative", null).Count());
        Assert.Empty((DeadlinePolicy.Default with { IndustryProjects = false }).For(2019, "cooperative", null));
        Assert.Equal(2, (DeadlinePolicy.Default with { IndustryProjects = false }).For(2019, "road", null).Count());
    }

    [Fact]
    public void a_start_recorded_later_moves_a_project_between_readings_only_from_when_it_is_known()
    {
        var t = Timeline(2018, facts: Fact(FactType.Started, "2018-11-01", "2019-02-01T09:00:00+08:00"));
        var rules = (DateTimeOffset? knownAt) => DeadlineBoard.Evaluate(t, DeadlinePolicy.Default, D("2019-04-01"), knownAt).Select(s => s.RuleId).ToArray();
        Assert.Equal(["2019-new-start", "2019-new-completion"], rules(DateTimeOffset.Parse("2019-01-15T00:00:00+08:00")));
        Assert.Equal(["2019-continuing-completion"], rules(null));
    }

    public static TheoryData<string, string?, string?, DeadlineStatus, int?> CompletionBy30June => new()
    {
        // asOf,        started,      completed,    status,                    days late/overdue/left
        { "2019-04-01", "2018-12-31", null,         DeadlineStatus.OnTrack,    90 },
        { "2019-04-01", "2018-10-01", null,         DeadlineStatus.OnTrack,    90 },
        { "2019-06-01", "2018-10-01", null,         DeadlineStatus.AtRisk,     29 },
        { "2019-05-31", "2018-10-01", null,         DeadlineStatus.AtRisk,     30 },
        { "2019-06-30", "2018-10-01", null,         DeadlineStatus.AtRisk,     0 },
        { "2019-07-01", "2018-10-01", null,         DeadlineStatus.Missed,     1 },
        { "2019-07-01", "2018-10-01", "2019-06-30", DeadlineStatus.MetOnTime,  null },
        { "2019-10-01", "2018-10-01", "2019-07-15", DeadlineStatus.MetLate,    15 },
        { "2019-07-10", "2018-10-01", "2019-07-15", DeadlineStatus.Missed,     10 },
    };

    [Theory]
    [MemberData(nameof(CompletionBy30June))]
    public void statuses_of_a_completion_deadline(string asOf, string? started, string? completed, DeadlineStatus status, int? days)
    {
        var facts = new List<TimelineFact>();
        if (started is not null) facts.Add(Fact(FactType.Started, started));
        if (completed is not null) facts.Add(Fact(FactType.Completed, completed));
        var s = One(Timeline(2018, facts: [.. facts]), asOf, "2019-continuing-completion");
        Assert.Equal(status, s.Status);
        Assert.Equal(days, s.DaysLate ?? s.DaysOverdue ?? s.DaysLeft);
    }

    [Fact]
    public void the_at_risk_window_is_configurable()
    {
        var policy = DeadlinePolicy.Default with { AtRiskDays = 10 };
        var s = DeadlineBoard.Evaluate(Timeline(2018, facts: Fact(FactType.Started, "2018-10-01")), policy, D("2019-06-01")).Single();
        Assert.Equal(DeadlineStatus.OnTrack, s.Status);
    }

    [Fact]
    public void a_2019_project_must_start_by_31_march()
    {
        var late = Timeline(2019, facts: Fact(FactType.Started, "2019-04-10"));
        Assert.Equal(DeadlineStatus.Missed, One(late, "2019-04-01", "2019-new-start").Status);
        var s = One(late, "2019-07-01", "2019-new-start");
        Assert.Equal((DeadlineStatus.MetLate, (int?)10), (s.Status, s.DaysLate));
        Assert.Equal(DeadlineStatus.MetOnTime, One(Timeline(2019, facts: Fact(FactType.Started, "2019-03-31")), "2019-04-01", "2019-new-start").Status);
    }

    [Fact]
    public void a_completion_reported_late_does_not_rewrite_what_was_known_earlier()
    {
        // Completed 2019-06-28, but recorded only on 2019-07-05.
        var t = Timeline(2018, facts: [Fact(FactType.Started, "2018-10-01"), Fact(FactType.Completed, "2019-06-28", "2019-07-05T09:00:00+08:00")]);
        Assert.Equal(DeadlineStatus.MetOnTime, One(t, "2019-07-01", "2019-continuing-completion").Status);
        var knownThen = One(t, "2019-07-01", "2019-continuing-completion", DateTimeOffset.Parse("2019-07-01T18:00:00+08:00"));
        Assert.Equal((DeadlineStatus.Missed, (int?)1), (knownThen.Status, knownThen.DaysOverdue));
        Assert.Equal(DeadlineStatus.MetOnTime, One(t, "2019-07-06", "2019-continuing-completion", DateTimeOffset.Parse("2019-07-06T00:00:00+08:00")).Status);
    }

    [Fact]
    public void a_refused_completion_is_not_a_completion_until_re_reported()
    {
        var t = Timeline(2018, facts: [Fact(FactType.Started, "2018-10-01"), Fact(FactType.Completed, "2019-06-20"), Fact(FactType.Refused, "2019-06-25"), Fact(FactType.Completed, "2019-07-20")]);
        Assert.Equal(DeadlineStatus.MetOnTime, One(t, "2019-06-22", "2019-continuing-completion").Status);
        Assert.Equal(DeadlineStatus.Missed, One(t, "2019-07-10", "2019-continuing-completion").Status);
        var after = One(t, "2019-08-01", "2019-continuing-completion");
        Assert.Equal((DeadlineStatus.MetLate, (int?)20), (after.Status, after.DaysLate));
    }

    [Fact]
    public void cancelled_and_not_yet_known_projects_are_off_the_board()
    {
        var cancelled = Timeline(2018, facts: [Fact(FactType.Started, "2018-10-01"), Fact(FactType.Cancelled, "2019-03-01")]);
        Assert.Empty(DeadlineBoard.Evaluate(cancelled, DeadlinePolicy.Default, D("2019-07-01")));
        Assert.Single(DeadlineBoard.Evaluate(cancelled, DeadlinePolicy.Default, D("2019-02-01")));
        Assert.Empty(DeadlineBoard.Evaluate(Timeline(2018), DeadlinePolicy.Default, D("2019-07-01"), Early.AddDays(-1)));
    }

    [Fact]
    public void policies_for_other_years_are_data()
    {
        var rule = new DeadlineRule { Id = "2020-completion", Description = "2020年项目9月底前完工", PlanYearFrom = 2020, PlanYearTo = 2020, Kind = DeadlineKind.Completion, Due = D("2020-09-30") };
        var policy = new DeadlinePolicy([.. DeadlinePolicy.Plan2019, rule]);
        var s = DeadlineBoard.Evaluate(Timeline(2020), policy, D("2020-10-01")).Single();
        Assert.Equal(("2020-completion", DeadlineStatus.Missed), (s.RuleId, s.Status));
    }

    [Fact]
    public void escalation_appends_each_missed_deadline_once()
    {
        var project = Fold(Registered(), Approved(), Builder(), Started());
        var t = Timeline(2019, facts: Fact(FactType.Started, "2019-03-01"));
        var ctx = Ctx(new DateTimeOffset(2019, 10, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var missed = DeadlineBoard.Escalate(project, t, DeadlinePolicy.Default, ctx);
        var e = Assert.Single(missed);
        Assert.Equal(("2019-new-completion", D("2019-09-30"), D("2019-10-01")), (e.RuleId, e.Due, e.MissedOn));
        var after = Project.Evolve(project, e)!;
        Assert.Empty(DeadlineBoard.Escalate(after, t with { Escalated = ["2019-new-completion"] }, DeadlinePolicy.Default, ctx));
    }
}
