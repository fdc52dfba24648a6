namespace Funds.Api.Audit;

/// <summary>A stream's newest event up to a digest's sequence and its hash, recomputed from the stored events.</summary>
public sealed record StreamHead(Guid StreamId, long Version, string Hash);
