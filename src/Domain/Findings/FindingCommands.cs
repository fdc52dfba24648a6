using Funds.Domain.Common;

namespace Funds.Domain.Findings;

public sealed record RaiseFinding(FindingSource? Source, string? Description, Guid? ProjectId, string? Township, string? Village, DateOnly? Deadline, DateOnly? RaisedOn,
    Guid? InspectionId = null) : ICommand;

public sealed record ReportRectification(string? Measures, DateOnly? ReportedOn) : ICommand;

public sealed record CloseFinding(string? Note, DateOnly? ClosedOn) : ICommand;

public sealed record SendBackRectification(string? Reason, DateOnly? SentBackOn) : ICommand;

public sealed record VerifyRectification(string? Note, DateOnly? VerifiedOn) : ICommand;
