using Funds.Api.Hosting;
using Funds.Api.Http;
using Funds.Projections.Households;
using Funds.Api.Projects;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Households;

/// <summary>A poor household with labour capacity that no industry project reaches now.</summary>
public sealed record NotReachedHousehold(Guid Id, string Code, string Township, string Village, string HeadName, HouseholdStatus Status, int LabourMembers);

/// <summary>A village's households and what reached them: registered households, poor ones (poor or exited and still
/// monitored), poor with labour capacity, those linked now to an industry project, coverage (linked ÷ poor with labour
/// capacity; the seeds ask for every one by October 2019), income distributed to its households, the collective's
/// share paid into its poverty fund and the fund's balance, and loans.</summary>
public sealed record VillageBenefitSummary(
    Guid VillageId, string Township, string Village, VillageStatus Status, int Households, int PoorHouseholds, int PoorWithLabour,
    int PoorWithLabourReached, decimal Coverage, int NotReached, decimal IncomeToHouseholds, decimal FundReceived, decimal FundPaidOut, decimal FundBalance,
    int LoansOutstanding, decimal LoanBalance, int LoansOverdue, decimal InterestSubsidies);

/// <summary>A project's coverage (带贫覆盖): households linked now, and of its village's poor households with labour
/// capacity how many it links; below the county's minimum share (county policy <c>MinimumLinkedShare</c>) is flagged.</summary>
public sealed record ProjectCoverage(
    Guid ProjectId, string Name, string Township, string Village, int LinkedNow, int LinksEnded, int VillagePoorWithLabour, int VillagePoorWithLabourLinked,
    decimal Share, decimal MinimumShare, bool BelowMinimum, IReadOnlyList<BenefitLink> Links);

/// <summary>One line of a village poverty fund's trail, with the balance after it.</summary>
public sealed record VillageFundLine(
    long Version, string Type, DateOnly BusinessDate, DateTimeOffset RecordedAt, decimal Amount, Guid? ProjectId, string? ProjectName, string? Period,
    VillageFundPurpose? Purpose, string? Payee, string? DecisionRef, string? Note, Actor By, decimal Balance);

public sealed record VillageFundTrail(Guid VillageId, string Township, string Village, decimal Received, decimal PaidOut, decimal Balance, IReadOnlyList<VillageFundLine> Items);

public static class BenefitReads
{
    /// <summary>Household ids linked now to an industry project of the township (a household is only ever linked to
    /// projects of its own township), or of the county.</summary>
    private static async Task<HashSet<Guid>> ReachedAsync(IQuerySession session, string? township, CancellationToken ct)
    {
        var query = session.Query<Project>().Where(p => p.Kind == ProjectKind.Industry);
        if (township is not null) query = query.Where(p => p.Township == township);
        var projects = await query.ToListAsync(ct);
        return projects.SelectMany(p => p.LinkedNow).ToHashSet();
    }

    /// <summary>Households not reached (未覆盖): poor (or exited, monitored) households with labour capacity that no
    /// industry project links now, within the caller's reach, by township and village. Paged; CSV with <c>Accept: text/csv</c>.</summary>
    [WolverineGet("/api/households/not-reached", OperationId = "ListHouseholdsNotReached")]
    [Allow(Reads.Households)]
    [ProducesResponseType<Paged<NotReachedHousehold>>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> NotReached(IQuerySession session, HttpContext http, string? township = null, string? village = null, int page = 1, int pageSize = 100)
    {
        new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
        var reader = http.Actor();
        var query = session.Query<Household>().Within(reader).Where(h => h.LabourMembers > 0 && h.Status != HouseholdStatus.NotPoor);
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(h => h.Township == township);
        if (!string.IsNullOrWhiteSpace(village)) query = query.Where(h => h.Village == village);
        var households = await query.OrderBy(h => h.Code).ToListAsync(http.RequestAborted);
        var reached = await ReachedAsync(session, string.IsNullOrWhiteSpace(township) ? null : township, http.RequestAborted);   // links of any village count
        var missing = households.Where(h => !reached.Contains(h.Id))
            .Select(h => new NotReachedHousehold(h.Id, h.Code, h.Township, h.Village, HouseholdDetails.Name(h.HeadName, reader), h.Status, h.LabourMembers)).ToList();
        if (Csv.Wanted(http))
            return Csv.File("households-not-reached.csv", ["code", "township", "village", "head", "status", "labour_members"],
                missing.Select(h => (IReadOnlyList<object?>)[h.Code, h.Township, h.Village, h.HeadName, h.Status.ToString(), h.LabourMembers]));
        return Results.Ok(new Paged<NotReachedHousehold>(missing.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, missing.Count));
    }

    /// <summary>A village's benefit summary: its households, the poor ones with labour capacity and how many an industry
    /// project reaches (coverage), income distributed to its households, its poverty fund, loans. Income and subsidy
    /// totals are updated asynchronously.</summary>
    [WolverineGet("/api/villages/{id}/benefit-summary", OperationId = "GetVillageBenefitSummary")]
    [Allow(Reads.Households)]
    public static async Task<VillageBenefitSummary> Summary(Guid id, HttpContext http, IQuerySession session)
    {
        var village = await Villages.VillageReads.VisibleAsync(session, http, id);
        var ct = http.RequestAborted;
        var households = await session.Query<Household>().Where(h => h.Township == village.Township && h.Village == village.Name).ToListAsync(ct);
        var reached = await ReachedAsync(session, village.Township, ct);
        var poor = households.Where(h => h.Poor).ToList();
        var withLabour = households.Where(BenefitCoverage.Counts).ToList();
        var reachedCount = withLabour.Count(h => reached.Contains(h.Id));
        var lines = await session.Query<HouseholdLine>()
            .Where(l => l.Township == village.Township && l.Village == village.Name && (l.Type == HouseholdLineType.IncomeShare || l.Type == HouseholdLineType.InterestSubsidy))
            .ToListAsync(ct);
        var loans = households.SelectMany(h => h.Loans).ToList();
        return new VillageBenefitSummary(village.Id, village.Township, village.Name, village.Status, households.Count, poor.Count, withLabour.Count, reachedCount,
            BenefitCoverage.Share(reachedCount, withLabour.Count), withLabour.Count - reachedCount,
            lines.Where(l => l.Type == HouseholdLineType.IncomeShare).Sum(l => l.Amount), village.FundReceived, village.FundPaidOut, village.FundBalance,
            loans.Count(l => l.Outstanding > 0), loans.Sum(l => l.Outstanding), loans.Count(l => l.Status == LoanStatus.Overdue),
            lines.Where(l => l.Type == HouseholdLineType.InterestSubsidy).Sum(l => l.Amount));
    }

    /// <summary>The village poverty fund's trail (村扶贫基金): each receipt of a project's collective share and each payout
    /// with its decision reference, in order, with the balance after each.</summary>
    [WolverineGet("/api/villages/{id}/fund-trail", OperationId = "GetVillageFundTrail")]
    [Allow(Reads.Villages)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> FundTrail(Guid id, HttpContext http, IQuerySession session)
    {
        var village = await Villages.VillageReads.VisibleAsync(session, http, id);
        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        var balance = 0m;
        var lines = new List<VillageFundLine>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case VillageFundReceived r:
                    balance += r.Amount;
                    lines.Add(new VillageFundLine(e.Version, "Receipt", r.ReceivedOn, r.RecordedAt, r.Amount, r.Project.ProjectId, r.Project.Name, r.Period,
                        null, null, r.DistributionId.ToString(), null, r.By, balance));
                    break;
                case VillageFundPaidOut p:
                    balance -= p.Amount;
                    lines.Add(new VillageFundLine(e.Version, "Payout", p.PaidOn, p.RecordedAt, p.Amount, null, null, null, p.Purpose, p.Payee, p.DecisionRef, p.Note, p.By, balance));
                    break;
            }
        }
        if (Csv.Wanted(http))
            return Csv.File($"village-fund-{village.Name}.csv", ["version", "type", "business_date", "recorded_at", "amount", "project", "period", "purpose", "payee", "decision", "note", "actor", "balance"],
                lines.Select(l => (IReadOnlyList<object?>)[l.Version, l.Type, l.BusinessDate, l.RecordedAt, l.Amount, l.ProjectName, l.Period, l.Purpose?.ToString(), l.Payee, l.DecisionRef, l.Note, l.By.Subject, l.Balance]));
        return Results.Ok(new VillageFundTrail(village.Id, village.Township, village.Name, village.FundReceived, village.FundPaidOut, village.FundBalance, lines));
    }

    /// <summary>An industry project's coverage: its links, and the share of its village's poor households with labour
    /// capacity that it links now, against the county's minimum (county policy <c>MinimumLinkedShare</c>).</summary>
    [WolverineGet("/api/projects/{id}/coverage", OperationId = "GetProjectCoverage")]
    [Allow(Reads.Projects)]
    public static async Task<ProjectCoverage> Coverage(Guid id, HttpContext http, IQuerySession session, Counties counties)
    {
        var project = await ProjectReads.VisibleAsync(session, http, id);
        var villagers = await session.Query<Household>().Where(h => h.Township == project.Township && h.Village == project.Village).ToListAsync(http.RequestAborted);
        return CoverageOf(project, villagers, counties.PolicyOf(http.County()!));
    }

    public static ProjectCoverage CoverageOf(Project project, IReadOnlyCollection<Household> villagers, CountyPolicy policy)
    {
        var linked = project.LinkedNow.ToHashSet();
        var target = villagers.Where(BenefitCoverage.Counts).ToList();
        var covered = target.Count(h => linked.Contains(h.Id));
        var share = BenefitCoverage.Share(covered, target.Count);
        return new ProjectCoverage(project.Id, project.Name, project.Township, project.Village, linked.Count, project.Links.Count(l => !l.Current),
            target.Count, covered, share, policy.MinimumLinkedShare, BenefitCoverage.BelowMinimum(share, policy), project.Links);
    }
}
