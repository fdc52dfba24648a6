namespace Funds.Domain.Deadlines;

public enum FactType { Started = 1, Completed = 2, Refused = 3, Cancelled = 4 }

/// <summary>A dated fact: when it happened (business date) and when the system learnt it (recorded).</summary>
public sealed record TimelineFact(FactType Type, DateOnly On, DateTimeOffset RecordedAt);
