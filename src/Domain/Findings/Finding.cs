using System.Text.Json.Serialization;
using Funds.Domain.Common;

namespace Funds.Domain.Findings;

/// <summary>An entry of the rectification ledger as its events made it.</summary>
public sealed record Finding : IPlaced, IVersioned
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
    /// <summary>The inspection visit the finding was raised on, if any.</summary>
    public Guid? InspectionId { get; init; }
    public IReadOnlyList<RectificationSentBack> SentBack { get; init; } = [];
    public RectificationVerified? Verification { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public Actor? ClosedBy { get; init; }
    public string? ClosingNote { get; init; }
    public int Version { get; init; }

    [JsonIgnore] public Place? Place => new(Township, Village);

    public static Finding? Evolve(Finding? state, object @event) => @event switch
    {
        FindingRaised e => new Finding
        {
            Id = e.FindingId, Source = e.Source, Description = e.Description, ProjectId = e.ProjectId, Township = e.Township,
            Village = e.Village, Deadline = e.Deadline, RaisedOn = e.RaisedOn, RaisedBy = e.By, Status = FindingStatus.Open,
            InspectionId = e.InspectionId,
        },
        _ when state is null => null,
        RectificationReported e => state with { Status = FindingStatus.RectificationReported, Rectifications = [.. state.Rectifications, e] },
        FindingClosed e => state with { Status = FindingStatus.Closed, ClosedOn = e.ClosedOn, ClosedBy = e.By, ClosingNote = e.Note },
        RectificationSentBack e => state with { Status = FindingStatus.Open, SentBack = [.. state.SentBack, e] },
        RectificationVerified e => state with { Status = FindingStatus.Verified, Verification = e },
        _ => state,
    };

    /// <summary>Open (not closed) past its deadline as of a date; returns the days overdue.</summary>
    public int? DaysOverdue(DateOnly asOf) => Status != FindingStatus.Closed && asOf > Deadline ? asOf.DayNumber - Deadline.DayNumber : null;
}
