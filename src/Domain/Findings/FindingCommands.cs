using Funds.Domain.Common;

namespace Funds.Domain.Findings;

public sealed record RaiseFinding(FindingSource? Source, string? Description, [Optional] Guid? ProjectId, [Optional] string? Township, [Optional] string? Village, DateOnly? Deadline, [Optional] DateOnly? RaisedOn) : ICommand;

public sealed record ReportRectification(string? Measures, DateOnly? ReportedOn) : ICommand;

public sealed record CloseFinding([Optional] string? Note, DateOnly? ClosedOn) : ICommand;
