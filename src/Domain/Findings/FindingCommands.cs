using Funds.Domain.Common;

namespace Funds.Domain.Findings;

public sealed record RaiseFinding(FindingSource? Source, string? Description, [Optional] Guid? ProjectId, [Optional] string? Township, [Optional] string? Village, DateOnly? Deadline, [Optional] DateOnly? RaisedOn,
    Guid? InspectionId = null) : Command;

public sealed record ReportRectification(string? Measures, DateOnly? ReportedOn) : Command;

public sealed record CloseFinding([Optional] string? Note, DateOnly? ClosedOn) : Command;

public sealed record SendBackRectification(string? Reason, DateOnly? SentBackOn) : Command;

public sealed record VerifyRectification(string? Note, DateOnly? VerifiedOn) : Command;
