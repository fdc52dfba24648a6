namespace Funds.Domain.Common;

/// <summary>Where something is: a township and, for village-level records, a village.</summary>
public sealed record Place(string Township, string? Village = null);
