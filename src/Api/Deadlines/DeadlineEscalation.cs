using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;

namespace Funds.Api.Deadlines;

public sealed record DeadlineOptions
{
    /// <summary>How close to its due date an unmet deadline counts as at risk.</summary>
    public int AtRiskDays { get; init; } = 30;
    /// <summary>Rules added to the seed's 2019 plan, e.g. for later years.</summary>
    public List<DeadlineRule> Rules { get; init; } = [];
    /// <summary>How often the escalation scan runs; it also runs at start-up.</summary>
    public int ScanMinutes { get; init; } = 60;
}

/// <summary>
/// Appends DeadlineMissed to a project's stream when one of its deadlines has passed unmet — once per
/// project and rule, however often it runs, on however many nodes, across restarts: the decision reads
/// the project's own stream (which records the escalations already made) and the append is checked
/// against the version it read, so a second escalation of the same deadline can never be saved. The
/// scan runs at start-up (catching up on anything missed while the service was down) and periodically.
/// </summary>
public sealed class DeadlineEscalation(IDocumentStore store, DeadlinePolicy policy, TimeProvider clock, ILogger<DeadlineEscalation> log)
{
    public static readonly Actor Escalator = new("deadline-escalation", "system");

    /// <summary>Runs one scan; returns how many DeadlineMissed events it appended.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var ctx = new DecisionContext(Escalator, clock.GetUtcNow(), ProjectRules.Default);
        var firstDue = policy.Rules.Select(r => r.Due).DefaultIfEmpty(DateOnly.MaxValue).Min();
        if (ctx.Today <= firstDue) return 0;

        List<ProjectTimeline> candidates;
        await using (var query = store.QuerySession())
            candidates = (await query.Query<ProjectTimeline>().ToListAsync(ct))
                .Where(t => DeadlineBoard.Evaluate(t, policy, ctx.Today).Any(s => s.Status == DeadlineStatus.Missed && !s.Escalated))
                .ToList();

        var appended = 0;
        foreach (var candidate in candidates)
        {
            try
            {
                await using var session = store.LightweightSession();
                session.Stamp(Escalator, $"deadline-escalation-{ctx.Today:yyyy-MM-dd}", "deadline-escalation");
                var stream = await session.Events.FetchForWriting<Project>(candidate.Id, ct);
                var timeline = await session.LoadAsync<ProjectTimeline>(candidate.Id, ct);
                if (stream.Aggregate is null || timeline is null) continue;
                var missed = DeadlineBoard.Escalate(stream.Aggregate, timeline, policy, ctx);
                if (missed.Count == 0) continue;
                stream.AppendMany(missed);
                await session.SaveChangesAsync(ct);
                appended += missed.Count;
            }
            catch (ConcurrencyException)
            {
                // Someone else wrote to the project meanwhile (maybe another node escalating it); the next scan decides again.
            }
        }
        if (appended > 0) log.LogInformation("Deadline escalation appended {Count} DeadlineMissed events", appended);
        return appended;
    }
}

public sealed class DeadlineEscalationService(DeadlineEscalation escalation, IOptions<DeadlineOptions> options, ILogger<DeadlineEscalationService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
