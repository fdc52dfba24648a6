using Funds.Domain.Projects;

namespace Funds.Domain.Deadlines;

/// <summary>What deadlines are judged on: a project's dated facts, each with the time it was recorded,
/// so the board can be drawn as of any business date and as known at any recorded time.</summary>
public sealed record ProjectTimeline
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Township { get; init; } = "";
    public string Village { get; init; } = "";
    public string Category { get; init; } = "";
    public int PlanYear { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public IReadOnlyList<TimelineFact> Facts { get; init; } = [];
    public IReadOnlyList<string> Escalated { get; init; } = [];

    public static ProjectTimeline? Evolve(ProjectTimeline? state, object @event) => @event switch
    {
        ProjectRegistered e => new ProjectTimeline
        {
            Id = e.ProjectId, Name = e.Name, Township = e.Township, Village = e.Village, Category = e.Category,
            PlanYear = e.PlanYear, RegisteredAt = e.RecordedAt,
        },
        _ when state is null => null,
        ConstructionStarted e => state.With(new TimelineFact(FactType.Started, e.StartedOn, e.RecordedAt)),
        ConstructionCompleted e => state.With(new TimelineFact(FactType.Completed, e.CompletedOn, e.RecordedAt)),
        AcceptanceRefused e => state.With(new TimelineFact(FactType.Refused, e.RefusedOn, e.RecordedAt)),
        ProjectCancelled e => state.With(new TimelineFact(FactType.Cancelled, e.CancelledOn, e.RecordedAt)),
        DeadlineMissed e => state with { Escalated = [.. state.Escalated, e.RuleId] },
        _ => state,
    };

    private ProjectTimeline With(TimelineFact fact) => this with { Facts = [.. Facts, fact] };
}
