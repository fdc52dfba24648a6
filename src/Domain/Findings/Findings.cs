using Funds.Domain.Common;
using Funds.Domain.Projects;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Findings;

public enum FindingSource { Inspection = 1, Audit = 2, Evaluation = 3 }

public enum FindingStatus { Open = 1, RectificationReported = 2, Closed = 3 }

// The rectification ledger (整改台账): findings of inspections, audits and evaluations against a project
// or a village, each with a deadline, rectified and closed item by item (限期整改销号).

public sealed record FindingRaised(
    Guid FindingId, FindingSource Source, string Description, Guid? ProjectId, string Township, string? Village,
    DateOnly Deadline, DateOnly RaisedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record RectificationReported(Guid FindingId, string Measures, DateOnly ReportedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>销号: the finding is closed by an inspector or supervisor.</summary>
public sealed record FindingClosed(Guid FindingId, string? Note, DateOnly ClosedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record RaiseFinding(FindingSource? Source, string? Description, Guid? ProjectId, string? Township, string? Village, DateOnly? Deadline, DateOnly? RaisedOn);

public sealed record ReportRectification(string? Measures, DateOnly? ReportedOn);

public sealed record CloseFinding(string? Note, DateOnly? ClosedOn);

public sealed record Finding
{
    public Guid Id { get; init; }
    public FindingSource Source { get; init; }
    public string Description { get; init; } = "";
    public Guid? ProjectId { get; init; }
    public string Township { get; init; } = "";
    public string? Village { get; init; }
    public DateOnly Deadline { get; init; }
    public DateOnly RaisedOn { get; init; }
    public Actor? RaisedBy { get; init; }
    public FindingStatus Status { get; init; }
    public IReadOnlyList<RectificationReported> Rectifications { get; init; } = [];
    public DateOnly? ClosedOn { get; init; }
    public Actor? ClosedBy { get; init; }
    public string? ClosingNote { get; init; }
    public int Version { get; init; }

    public static Finding? Evolve(Finding? state, object @event) => @event switch
    {
        FindingRaised e => new Finding
        {
            Id = e.FindingId, Source = e.Source, Description = e.Description, ProjectId = e.ProjectId, Township = e.Township,
            Village = e.Village, Deadline = e.Deadline, RaisedOn = e.RaisedOn, RaisedBy = e.By, Status = FindingStatus.Open,
        },
        _ when state is null => null,
        RectificationReported e => state with { Status = FindingStatus.RectificationReported, Rectifications = [.. state.Rectifications, e] },
        FindingClosed e => state with { Status = FindingStatus.Closed, ClosedOn = e.ClosedOn, ClosedBy = e.By, ClosingNote = e.Note },
        _ => state,
    };

    /// <summary>Open (not closed) past its deadline as of a date; returns the days overdue.</summary>
    public int? DaysOverdue(DateOnly asOf) => Status != FindingStatus.Closed && asOf > Deadline ? asOf.DayNumber - Deadline.DayNumber : null;
}

public static class FindingDecider
{
    public static FindingRaised Raise(Guid id, RaiseFinding c, Project? project, DecisionContext ctx)
    {
        new FieldErrors().Defined("source", c.Source).Text("description", c.Description, 4000).Date("deadline", c.Deadline)
            .When(c.ProjectId is null && string.IsNullOrWhiteSpace(c.Township), "township", "is required when the finding is not about a project.")
            .When(c.ProjectId is null && string.IsNullOrWhiteSpace(c.Village), "village", "is required when the finding is not about a project.")
            .ThrowIfAny();
        RequireRole(ctx.By, Roles.Auditor, Roles.Supervisor);
        if (c.ProjectId is not null && project is null)
            throw new RuleViolation("project-not-found", $"No project with id {c.ProjectId}.");
        var raisedOn = c.RaisedOn ?? ctx.Today;
        NotInFuture(raisedOn, ctx);
        if (c.Deadline!.Value < raisedOn)
            throw new RuleViolation("deadline-before-finding", "The rectification deadline cannot be before the finding is raised.");
        return new FindingRaised(id, c.Source!.Value, c.Description!.Trim(), project?.Id, project?.Township ?? c.Township!.Trim(),
            project?.Village ?? c.Village?.Trim(), c.Deadline.Value, raisedOn, ctx.By, ctx.Now);
    }

    public static RectificationReported Report(ReportRectification c, Finding f, DecisionContext ctx)
    {
        new FieldErrors().Text("measures", c.Measures, 4000).Date("reportedOn", c.ReportedOn).ThrowIfAny();
        RequireRole(ctx.By, Roles.TownshipHq);
        if (ctx.By.Scope != f.Township)
            throw new RuleViolation("outside-scope", $"This finding concerns {f.Township}; a township HQ reports rectification only for its own township.", RejectionKind.Forbidden);
        if (f.Status == FindingStatus.Closed)
            throw new RuleViolation("finding-closed", "The finding is already closed.", RejectionKind.Conflict);
        NotInFuture(c.ReportedOn!.Value, ctx);
        NotBefore(c.ReportedOn.Value, f.RaisedOn, "the finding");
        return new RectificationReported(f.Id, c.Measures!.Trim(), c.ReportedOn.Value, ctx.By, ctx.Now);
    }

    public static FindingClosed Close(CloseFinding c, Finding f, DecisionContext ctx)
    {
        new FieldErrors().OptionalText("note", c.Note).Date("closedOn", c.ClosedOn).ThrowIfAny();
        RequireRole(ctx.By, Roles.Auditor, Roles.Supervisor);
        if (f.Status == FindingStatus.Closed)
            throw new RuleViolation("finding-closed", "The finding is already closed.", RejectionKind.Conflict);
        if (f.Status != FindingStatus.RectificationReported)
            throw new RuleViolation("close-requires-rectification", "A finding is closed (销号) only after its rectification is reported.", RejectionKind.Conflict);
        NotInFuture(c.ClosedOn!.Value, ctx);
        NotBefore(c.ClosedOn.Value, f.Rectifications[^1].ReportedOn, "the rectification report");
        return new FindingClosed(f.Id, c.Note?.Trim(), c.ClosedOn.Value, ctx.By, ctx.Now);
    }

    private static void RequireRole(Actor actor, params string[] roles)
    {
        if (!roles.Contains(actor.Role))
            throw new RuleViolation("role-not-allowed", $"This needs one of the roles {string.Join(", ", roles)}; the caller acts as '{actor.Role}'.", RejectionKind.Forbidden);
    }
}
