namespace Funds.Domain.Deadlines;

/// <summary>A dated fact: when it happened (business date) and when the system learnt it (recorded).</summary>
public sealed record TimelineFact(FactType Type, DateOnly On, DateTimeOffset RecordedAt);
