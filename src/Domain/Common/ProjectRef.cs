namespace Funds.Domain.Common;

/// <summary>A project as it stood when money moved for it: carried on money events so ledgers and reports
/// fold without lookups and show what was true at the time.</summary>
public sealed record ProjectRef(Guid ProjectId, string Name, string Township, string Village, string Category, int PlanYear);
