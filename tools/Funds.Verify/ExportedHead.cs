namespace Funds.Verify;

public sealed record ExportedHead(Guid StreamId, long Version, string Hash);
