namespace Funds.Api.Admin;

/// <summary>The read models rebuilt, in one pass over the events of each database.</summary>
public sealed record RebuildResult(IReadOnlyList<string> Projections, double Seconds);
