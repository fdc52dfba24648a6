namespace Funds.Domain.Common;

/// <summary>Business dates (the day a step happened) may not lie in the future, nor before the step they follow;
/// one far in the past is a late entry and needs a reason (county policy).</summary>
public static class BusinessDates
{
    public static void CheckDate(DateOnly on, DecisionContext ctx)
    {
        if (on > ctx.Today)
            throw new RuleViolation("date-in-future", $"The date {on:yyyy-MM-dd} is in the future (today is {ctx.Today:yyyy-MM-dd}).");
        if (ctx.Policy.LateEntryDays > 0 && on < ctx.Today.AddDays(-ctx.Policy.LateEntryDays) && string.IsNullOrWhiteSpace(ctx.LateEntryReason))
            throw new RuleViolation("late-entry-needs-reason",
                $"The date {on:yyyy-MM-dd} is more than {ctx.Policy.LateEntryDays} days before today ({ctx.Today:yyyy-MM-dd}): " +
                "say why it is recorded only now in lateEntryReason (county policy LateEntryDays).");
    }

    public static void NotBefore(DateOnly on, DateOnly previous, string what)
    {
        if (on < previous)
            throw new RuleViolation("date-before-previous-step", $"The date {on:yyyy-MM-dd} is before {what} ({previous:yyyy-MM-dd}).");
    }
}
