using Funds.Domain.Common;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

/// <summary>County policy: a step dated further back than LateEntryDays (default 30) needs a reason.</summary>
public class LateEntryRuleTests
{
    private static DecisionContext At(string today, string? reason = null, int days = 30)
        => new(Hq, new DateTimeOffset(DateOnly.Parse(today), new TimeOnly(10, 0), ChinaTime.Offset), CountyPolicy.Default with { LateEntryDays = days }, reason);

    private static object[] Start(DecisionContext ctx, string on)
        => [.. ProjectDecider.Decide(new StartConstruction(D(on)), Fold(Registered(), Approved(), Builder()), ctx)];

    [Fact]
    public void a_step_within_the_window_needs_no_reason() => Assert.Single(Start(At("2019-03-31"), "2019-03-01"));

    [Fact]
    public void a_step_dated_before_the_window_is_refused_without_a_reason_and_taken_with_one()
    {
        var refused = Assert.Throws<RuleViolation>(() => Start(At("2019-04-01"), "2019-03-01"));
        Assert.Equal(("late-entry-needs-reason", RejectionKind.Unprocessable), (refused.Rule, refused.Kind));
        Assert.Throws<RuleViolation>(() => Start(At("2019-04-01", reason: "  "), "2019-03-01"));
        Assert.Single(Start(At("2019-04-01", reason: "开工报告补录"), "2019-03-01"));
    }

    [Fact]
    public void a_county_without_a_limit_takes_any_past_date() => Assert.Single(Start(At("2026-12-01", days: 0), "2019-03-01"));

    [Fact]
    public void the_default_policy_limits_late_entries_to_thirty_days() => Assert.Equal(30, CountyPolicy.Default.LateEntryDays);
}
