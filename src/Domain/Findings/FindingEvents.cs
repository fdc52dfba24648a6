using Funds.Domain.Common;

namespace Funds.Domain.Findings;

// The rectification ledger (整改台账): findings of inspections, audits and evaluations against a project
// or a village, each with a deadline, rectified and closed item by item (限期整改销号).

public sealed record FindingRaised(
    Guid FindingId, FindingSource Source, string Description, Guid? ProjectId, string Township, string? Village,
    DateOnly Deadline, DateOnly RaisedOn, Actor By, DateTimeOffset RecordedAt, Guid? InspectionId = null) : IRecordedEvent;

public sealed record RectificationReported(Guid FindingId, string Measures, DateOnly ReportedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>销号: the finding is closed by an inspector or supervisor.</summary>
public sealed record FindingClosed(Guid FindingId, string? Note, DateOnly ClosedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The fix reported was not confirmed on site: the finding goes back to the township to rectify again.</summary>
public sealed record RectificationSentBack(Guid FindingId, string Reason, DateOnly SentBackOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The fix verified on site by someone other than the one who reported it: the finding can be closed (销号).</summary>
public sealed record RectificationVerified(Guid FindingId, string? Note, DateOnly VerifiedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
