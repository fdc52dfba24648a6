namespace Funds.Domain.Common;

/// <summary>What every decision needs besides the command and the state: who asks, when (the recorded
/// time, from an injected clock: Domain never reads the clock itself), the county's policy, and the command's
/// late-entry reason, if it gave one.</summary>
public sealed record DecisionContext(Actor By, DateTimeOffset Now, CountyPolicy Policy, string? LateEntryReason = null)
{
    /// <summary>Business dates are Chinese calendar dates; "today" is taken in UTC+8.</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);
}
