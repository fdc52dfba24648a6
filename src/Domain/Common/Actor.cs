namespace Funds.Domain.Common;

/// <summary>Who did something: the authenticated subject, the role they acted in, and its scope
/// (a township or village name for scoped roles). Always taken from the caller's token.</summary>
public sealed record Actor(string Subject, string Role, string? Scope = null)
{
    public static readonly Actor System = new("system", "system");
}

/// <summary>What every decision needs besides the command and the state: who asks, and when
/// (the recorded time, from an injected clock — Domain never reads the clock itself).</summary>
public sealed record DecisionContext(Actor By, DateTimeOffset Now, ProjectRules Rules)
{
    /// <summary>Business dates are Chinese calendar dates; "today" is taken in UTC+8.</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);
}

public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar date in China (UTC+8) at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);
}

/// <summary>Configurable thresholds for project and fund rules (bound from configuration "Funds:Rules").</summary>
public sealed record ProjectRules
{
    /// <summary>Contracts below this amount (CNY) may be awarded by collective decision of the
    /// township front-line HQ instead of public tender.</summary>
    public decimal SmallWorksThreshold { get; init; } = 500_000m;

    /// <summary>Before the village committee's sign-off, progress payments may reach at most this
    /// share of the contract amount.</summary>
    public decimal ProgressPaymentCap { get; init; } = 0.70m;

    /// <summary>An allocation with money left and no disbursement for this many days counts as idle
    /// (slow-money indicator).</summary>
    public int IdleAllocationDays { get; init; } = 90;

    public static readonly ProjectRules Default = new();
}
