namespace Funds.Domain.Oversight;

/// <summary>Money allocated to a project and not paid out, with no disbursement from it for a long time.</summary>
public sealed record IdleAllocation(Guid FundSourceId, string Source, Guid ProjectId, string Project, decimal Allocated, decimal Drawn, decimal Idle, DateOnly IdleSince, int IdleDays);
