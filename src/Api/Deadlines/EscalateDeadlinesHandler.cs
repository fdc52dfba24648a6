using Funds.Api.Hosting;
using Funds.Domain.Deadlines;
using Wolverine;
using Wolverine.Runtime;

namespace Funds.Api.Deadlines;

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

    public static Events Handle(EscalateDeadlines command, [WriteAggregate] Project project, ProjectTimeline? timeline, DeadlinePolicy policy,
        TimeProvider clock, IMessageContext context, Counties counties)
        => timeline is null ? [] : [.. DeadlineBoard.Escalate(project, timeline, policy, new DecisionContext(Escalator, clock.GetUtcNow(), counties.PolicyOf(context.TenantId!)))];
}
