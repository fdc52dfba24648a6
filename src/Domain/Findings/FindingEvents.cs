using Funds.Domain.Common;

namespace Funds.Domain.Findings;

// The rectification ledger (整改台账): findings of inspections, audits and evaluations against a project
// or a village, each with a deadline, rectified and closed item by item (限期整改销号).

public sealed record FindingRaised(
    Guid FindingId, FindingSource Source, string Description, Guid? ProjectId, string Township, string? Village,
    DateOnly Deadline, DateOnly RaisedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record RectificationReported(Guid FindingId, string Measures, DateOnly ReportedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>销号: the finding is closed by an inspector or supervisor.</summary>
public sealed record FindingClosed(Guid FindingId, string? Note, DateOnly ClosedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
