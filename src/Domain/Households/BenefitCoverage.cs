using Funds.Domain.Common;

namespace Funds.Domain.Households;

/// <summary>Coverage (覆盖): how many of the poor households with labour capacity an industry project links now. The
/// minimum share is county policy (<see cref="CountyPolicy.MinimumLinkedShare"/>; the seeds say "most").</summary>
public static class BenefitCoverage
{
    public static bool Counts(Household h) => h.Poor && h.LabourCapable;

    /// <summary>The share covered, to four places; 1 when there is no one to cover.</summary>
    public static decimal Share(int covered, int target) => target == 0 ? 1m : decimal.Round((decimal)covered / target, 4);

    public static bool BelowMinimum(decimal share, CountyPolicy policy) => share < policy.MinimumLinkedShare;
}
