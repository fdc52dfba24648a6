namespace Funds.Domain.Common;

/// <summary>A fund source as it stood when money moved from it.</summary>
public sealed record SourceRef(Guid FundSourceId, string Name, FundSourceKind Kind, int FiscalYear);
