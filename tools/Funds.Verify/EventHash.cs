namespace Funds.Verify;

/// <summary>One line of event-hashes.csv.</summary>
public sealed record EventHash(long Sequence, Guid StreamId, long Version, string Hash);
