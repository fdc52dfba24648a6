using Funds.Api.Hosting;
using Funds.Api.Projects;
using Funds.Projections.Households;

namespace Funds.Api.Households;

/// <summary>A household income payment the audit check flags: why, and what was paid.</summary>
public sealed record FlaggedPayment(
    string Flag, Guid HouseholdId, string? Code, string? HeadName, string Township, string Village, Guid? ProjectId, string? ProjectName,
    string? Period, decimal Amount, DateOnly PaidOn, HouseholdStatus? StatusThen, HouseholdStatus? StatusOnRegister);

/// <summary>A household paid more from project income in one calendar year than the county's ceiling.</summary>
public sealed record HouseholdAboveCeiling(Guid HouseholdId, string? Code, string? HeadName, string Township, string Village, int Year, decimal Received, decimal Ceiling);

/// <summary>The audit check of household benefits: payments to households not on the register at the payment date or
/// not poor there (as the register stands now: a status recorded late shows here), households above the yearly ceiling
/// (county policy <c>HouseholdIncomeCeiling</c>), operating industry projects whose linked share of their village's poor
/// households with labour capacity is below the minimum (county policy <c>MinimumLinkedShare</c>).</summary>
public sealed record HouseholdPaymentCheckResult(
    decimal Ceiling, decimal MinimumLinkedShare, int PaymentsChecked, IReadOnlyList<FlaggedPayment> UnregisteredPayments,
    IReadOnlyList<FlaggedPayment> NonPoorPayments, IReadOnlyList<HouseholdAboveCeiling> AboveCeiling, IReadOnlyList<ProjectCoverage> ProjectsBelowShare);

public static class HouseholdPaymentCheck
{
    /// <summary>The audit check of household benefits over the county (or the caller's reach): flags payments to
    /// unregistered or non-poor households, households paid above the ceiling in a year, and industry projects below the
    /// minimum linked share. Thresholds are county policy. Income lines are updated asynchronously.</summary>
    [WolverineGet("/api/audit/household-payments", OperationId = "CheckHouseholdPayments")]
    [Allow(Reads.HouseholdAudit)]
    public static async Task<HouseholdPaymentCheckResult> Get(HttpContext http, IQuerySession session, Counties counties, string? township = null)
    {
        var ct = http.RequestAborted;
        var reader = http.Actor();
        var policy = counties.PolicyOf(http.County()!);
        var (ownTownship, _) = Authorization.Bounds(reader);
        var onlyTownship = ownTownship ?? (string.IsNullOrWhiteSpace(township) ? null : township);
        IQueryable<HouseholdLine> lines = session.Query<HouseholdLine>().Where(l => l.Type == HouseholdLineType.IncomeShare);
        if (onlyTownship is not null) lines = lines.Where(l => l.Township == onlyTownship);
        var payments = await lines.ToListAsync(ct);
        var ids = payments.Select(p => p.HouseholdId).Distinct().ToArray();
        var households = (ids.Length == 0 ? [] : await session.LoadManyAsync<Household>(ct, ids)).ToDictionary(h => h.Id);

        FlaggedPayment Flag(string flag, HouseholdLine l, Household? h) => new(flag, l.HouseholdId, h?.Code, h is null ? null : HouseholdDetails.Name(h.HeadName, reader),
            l.Township, l.Village, l.ProjectId, l.ProjectName, l.Period, l.Amount, l.BusinessDate, l.StatusThen, h?.StatusOn(l.BusinessDate));
        var unregistered = payments.Where(l => !households.TryGetValue(l.HouseholdId, out var h) || h.StatusOn(l.BusinessDate) is null)
            .Select(l => Flag("unregistered", l, households.GetValueOrDefault(l.HouseholdId))).ToList();
        var nonPoor = payments.Where(l => households.TryGetValue(l.HouseholdId, out var h) && h.StatusOn(l.BusinessDate) is { } status && !Household.IsPoor(status))
            .Select(l => Flag("non-poor", l, households[l.HouseholdId])).ToList();
        var above = payments.GroupBy(l => (l.HouseholdId, l.BusinessDate.Year))
            .Select(g => (g.Key, Received: g.Sum(l => l.Amount), First: g.First()))
            .Where(x => x.Received > policy.HouseholdIncomeCeiling)
            .Select(x =>
            {
                var h = households.GetValueOrDefault(x.Key.HouseholdId);
                return new HouseholdAboveCeiling(x.Key.HouseholdId, h?.Code, h is null ? null : HouseholdDetails.Name(h.HeadName, reader), x.First.Township, x.First.Village,
                    x.Key.Year, x.Received, policy.HouseholdIncomeCeiling);
            }).OrderByDescending(x => x.Received).ToList();

        IQueryable<Project> projects = session.Query<Project>().Within(reader)
            .Where(p => p.Kind == ProjectKind.Industry && (p.Status == ProjectStatus.Accepted || p.Status == ProjectStatus.Settled));
        if (onlyTownship is not null) projects = projects.Where(p => p.Township == onlyTownship);
        var operating = await projects.ToListAsync(ct);
        var townships = operating.Select(p => p.Township).Distinct().ToArray();
        var villagers = townships.Length == 0 ? [] : await session.Query<Household>().Where(h => h.Township.IsOneOf(townships)).ToListAsync(ct);
        var byVillage = villagers.ToLookup(h => (h.Township, h.Village));
        var below = operating.Select(p => BenefitReads.CoverageOf(p, byVillage[(p.Township, p.Village)].ToList(), policy) with { Links = [] })
            .Where(c => c.BelowMinimum).OrderBy(c => c.Share).ToList();
        return new HouseholdPaymentCheckResult(policy.HouseholdIncomeCeiling, policy.MinimumLinkedShare, payments.Count, unregistered, nonPoor, above, below);
    }
}
