using Funds.Api.Hosting;
using Funds.Domain.Deadlines;
using Wolverine;
using Wolverine.Runtime;

namespace Funds.Api.Deadlines;

/// <summary>Escalate whatever deadlines of one project have passed unmet and are not escalated yet.</summary>
public sealed record EscalateDeadlines(Guid ProjectId);

/// <summary>Appends DeadlineMissed once per project and rule: the decision reads the project's own stream,
/// which records the escalations already made, and the append is checked against the version it read.
/// If another writer got there first, Wolverine's retry policy decides again on the new state.</summary>
public static class EscalateDeadlinesHandler
{
    public static readonly Actor Escalator = new("deadline-escalation", "system");

    public static void Before(IDocumentSession session, TimeProvider clock)
        => session.Stamp(Escalator, $"deadline-escalation-{ChinaTime.DateOf(clock.GetUtcNow()):yyyy-MM-dd}", "deadline-escalation");

    public static Task<ProjectTimeline?> LoadAsync(EscalateDeadlines command, IDocumentSession session)
        => session.LoadAsync<ProjectTimeline>(command.ProjectId);

    public static Events Handle(EscalateDeadlines command, [WriteAggregate] Project project, ProjectTimeline? timeline, DeadlinePolicy policy, TimeProvider clock)
        => timeline is null ? [] : [.. DeadlineBoard.Escalate(project, timeline, policy, new DecisionContext(Escalator, clock.GetUtcNow(), CountyPolicy.Default))];
}

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

public sealed class DeadlineEscalationService(DeadlineEscalation escalation, Microsoft.Extensions.Options.IOptions<DeadlineOptions> options,
    IHostApplicationLifetime lifetime, ILogger<DeadlineEscalationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wolverine, which runs each escalation, is ready only once the whole host has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
            await started.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.ScanMinutes)));
        do
        {
            try
            {
                await escalation.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Deadline escalation scan failed; it runs again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
