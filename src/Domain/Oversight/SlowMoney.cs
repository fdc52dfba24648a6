using Funds.Domain.FundSources;
using Funds.Domain.Projects;

namespace Funds.Domain.Oversight;

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
    /// (counted from the last payment from it, or from the allocation when nothing was paid).</summary>
    public static IEnumerable<IdleAllocation> IdleAllocations(FundSource s, IReadOnlyDictionary<Guid, Project> projects, DateOnly asOf, int idleDays)
    {
        foreach (var a in s.Allocations)
        {
            var paid = projects.GetValueOrDefault(a.ProjectId)?.PaidBySource.FirstOrDefault(x => x.FundSourceId == s.Id);
            var left = a.Allocated - (paid?.Paid ?? 0m);
            var since = paid?.LastPaidOn ?? a.FirstAllocatedOn;
            var days = asOf.DayNumber - since.DayNumber;
            if (left > 0 && days > idleDays)
                yield return new IdleAllocation(s.Id, s.Name, a.ProjectId, a.ProjectName, a.Allocated, paid?.Paid ?? 0m, left, since, days);
        }
    }
}
