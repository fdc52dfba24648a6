namespace Funds.Domain.Common;

/// <summary>Business dates (the day a step happened) may not lie in the future, nor before the step they follow.</summary>
public static class BusinessDates
{
    public static void NotInFuture(DateOnly on, DecisionContext ctx)
    {
        if (on > ctx.Today)
            throw new RuleViolation("date-in-future", $"The date {on:yyyy-MM-dd} is in the future (today is {ctx.Today:yyyy-MM-dd}).");
    }

    public static void NotBefore(DateOnly on, DateOnly previous, string what)
    {
        if (on < previous)
            throw new RuleViolation("date-before-previous-step", $"The date {on:yyyy-MM-dd} is before {what} ({previous:yyyy-MM-dd}).");
    }
}
