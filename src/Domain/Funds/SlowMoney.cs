using Funds.Domain.Projects;

namespace Funds.Domain.Funds;

/// <summary>Days from the village committee's sign-off to the final (settlement) payment; unpaid ones count to asOf.</summary>
public sealed record SignOffToPayment(Guid ProjectId, string Project, string Township, string Village, DateOnly SignedOn, DateOnly? FinalPaidOn, int Days, bool Paid);

/// <summary>Money allocated to a project and not paid out, with no disbursement from it for a long time.</summary>
public sealed record IdleAllocation(Guid FundSourceId, string Source, Guid ProjectId, string Project, decimal Allocated, decimal Drawn, decimal Idle, DateOnly IdleSince, int IdleDays);

/// <summary>The slow-money indicators (资金拨付不及时), the failure the 2019 plan attacks, as of a business date.</summary>
public static class SlowMoney
{
    /// <summary>How long a signed-off project waited for its final payment, or has waited so far; null if
    /// it was not signed off by <paramref name="asOf"/>.</summary>
    public static SignOffToPayment? SignOffToPayment(Project p, DateOnly asOf)
    {
        if (p.Acceptance is not { SignedOn: var signed } || signed > asOf) return null;
        var paid = p.FirstFinalPaymentOn is { } f && f <= asOf;
        var end = paid ? p.FirstFinalPaymentOn!.Value : asOf;
        return new SignOffToPayment(p.Id, p.Name, p.Township, p.Village, signed, paid ? p.FirstFinalPaymentOn : null, end.DayNumber - signed.DayNumber, paid);
    }

    /// <summary>Allocations of a source with money left and no disbursement for more than <paramref name="idleDays"/>
    /// (counted from the last draw, or from the allocation when nothing was drawn).</summary>
    public static IEnumerable<IdleAllocation> IdleAllocations(FundSource s, DateOnly asOf, int idleDays)
        => s.Allocations
            .Where(a => a.Available > 0)
            .Select(a => (a, since: a.LastDrawnOn ?? a.FirstAllocatedOn))
            .Where(x => asOf.DayNumber - x.since.DayNumber > idleDays)
            .Select(x => new IdleAllocation(s.Id, s.Name, x.a.ProjectId, x.a.ProjectName, x.a.Allocated, x.a.Drawn, x.a.Available, x.since, asOf.DayNumber - x.since.DayNumber));
}
