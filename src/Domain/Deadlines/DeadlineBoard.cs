using Funds.Domain.Common;
using Funds.Domain.Projects;

namespace Funds.Domain.Deadlines;

/// <summary>The deadline board as a pure function of a project's timeline, the policy, a business date
/// (asOf) and a recorded time (knownAt): facts recorded after knownAt are not known, facts dated after
/// asOf have not happened yet.</summary>
public static class DeadlineBoard
{
    public static IEnumerable<DeadlineState> Evaluate(ProjectTimeline p, DeadlinePolicy policy, DateOnly asOf, DateTimeOffset? knownAt = null)
    {
        if (knownAt is { } k && p.RegisteredAt > k) yield break;
        var facts = p.Facts.Where(f => (knownAt is null || f.RecordedAt <= knownAt) && f.On <= asOf).ToList();
        if (facts.Any(f => f.Type == FactType.Cancelled)) yield break;

        var started = facts.Where(f => f.Type == FactType.Started).Select(f => (DateOnly?)f.On).Min();
        var completed = CompletedOn(facts);
        foreach (var rule in policy.For(p.PlanYear, p.Category, started))
        {
            var metOn = rule.Kind == DeadlineKind.Start ? started : completed;
            var begun = rule.Kind == DeadlineKind.Start ? false : started is not null;
            yield return State(p, rule, metOn, begun, asOf, policy.AtRiskDays);
        }
    }

    /// <summary>The completion that stands as of the facts: the last completion reported with no refusal
    /// after it. A refused completion is not a completion; the re-reported one counts.</summary>
    private static DateOnly? CompletedOn(IReadOnlyList<TimelineFact> facts)
    {
        DateOnly? completed = null;
        foreach (var f in facts.OrderBy(f => f.On).ThenBy(f => f.RecordedAt))
        {
            if (f.Type == FactType.Completed) completed = f.On;
            if (f.Type == FactType.Refused) completed = null;
        }
        return completed;
    }

    private static DeadlineState State(ProjectTimeline p, DeadlineRule rule, DateOnly? metOn, bool begun, DateOnly asOf, int atRiskDays)
    {
        DeadlineStatus status;
        int? late = null, overdue = null, left = null;
        if (metOn is { } met)
        {
            status = met <= rule.Due ? DeadlineStatus.MetOnTime : DeadlineStatus.MetLate;
            if (met > rule.Due) late = met.DayNumber - rule.Due.DayNumber;
        }
        else if (asOf > rule.Due)
        {
            status = DeadlineStatus.Missed;
            overdue = asOf.DayNumber - rule.Due.DayNumber;
        }
        else
        {
            left = rule.Due.DayNumber - asOf.DayNumber;
            status = left <= atRiskDays ? DeadlineStatus.AtRisk : begun ? DeadlineStatus.OnTrack : DeadlineStatus.NotDue;
        }
        return new DeadlineState(p.Id, p.Name, p.Township, p.Village, p.Category, p.PlanYear, rule.Id, rule.Description, rule.Kind, rule.Due,
            status, metOn, late, overdue, left, p.Escalated.Contains(rule.Id));
    }

    /// <summary>Escalation: the deadlines of this project that are missed as of <paramref name="today"/>
    /// and not yet escalated — one DeadlineMissed each, never a second for the same rule.</summary>
    public static IReadOnlyList<DeadlineMissed> Escalate(Project project, ProjectTimeline timeline, DeadlinePolicy policy, DecisionContext ctx)
        => Evaluate(timeline, policy, ctx.Today)
            .Where(s => s.Status == DeadlineStatus.Missed && !project.MissedDeadlines.Contains(s.RuleId))
            .Select(s => new DeadlineMissed(project.Id, s.RuleId, s.Kind, s.Due, s.Due.AddDays(1), ctx.By, ctx.Now))
            .ToList();
}
