using Funds.Api.Hosting;
using Funds.Domain.Deadlines;
using Wolverine;
using Wolverine.Runtime;

namespace Funds.Api.Deadlines;

/// <summary>Finds, county by county, the projects with a missed and unescalated deadline and sends each an
/// <see cref="EscalateDeadlines"/>. Runs at start-up (catching up on anything missed while the service was
/// down) and periodically.</summary>
public sealed class DeadlineEscalation(IDocumentStore store, IWolverineRuntime wolverine, Counties counties, DeadlinePolicy policy, TimeProvider clock,
    ILogger<DeadlineEscalation> log)
{
    /// <summary>Runs one scan over every county; returns how many projects had a deadline to escalate.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var firstDue = policy.Rules.Select(r => r.Due).DefaultIfEmpty(DateOnly.MaxValue).Min();
        if (today <= firstDue) return 0;
        var appended = 0;
        foreach (var county in counties.All)
        {
            List<ProjectTimeline> candidates;
            await using (var query = store.QuerySession(county.Code))
                candidates = (await query.Query<ProjectTimeline>().ToListAsync(ct))
                    .Where(t => DeadlineBoard.Evaluate(t, policy, today).Any(s => s.Status == DeadlineStatus.Missed && !s.Escalated))
                    .ToList();
            var bus = new MessageBus(wolverine);
            foreach (var candidate in candidates)
                await bus.InvokeForTenantAsync(county.Code, new EscalateDeadlines(candidate.Id), ct);
            appended += candidates.Count;
        }
        if (appended > 0) log.LogInformation("Deadline escalation: {Count} projects with a newly missed deadline", appended);
        return appended;
    }
}
