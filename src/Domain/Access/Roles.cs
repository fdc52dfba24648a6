namespace Funds.Domain.Access;

/// <summary>The roles of the system. Each token carries exactly one.</summary>
public static class Roles
{
    /// <summary>County finance bureau (县财政局): approvals, fund sources, allocations, disbursements, settlement.</summary>
    public const string Finance = "finance";
    /// <summary>Township front-line HQ (乡镇前线指挥部), scoped to one township.</summary>
    public const string TownshipHq = "township-hq";
    /// <summary>Village committee (村两委), scoped to one village: acceptance sign-off or refusal.</summary>
    public const string VillageCommittee = "village-committee";
    /// <summary>Village poverty council (村级扶贫理事会), scoped to one village: reads what concerns its village.</summary>
    public const string VillageCouncil = "village-council";
    /// <summary>County supervision team (县督战队): deadlines, findings.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>Auditor / inspection (审计 / 巡视巡察): reads everything of the county, including history and integrity.</summary>
    public const string Auditor = "auditor";
    /// <summary>Operations: projection rebuilds, reconciliation and other maintenance.</summary>
    public const string Admin = "admin";
    /// <summary>Provincial finance department (省财政厅): reads the counties of its province.</summary>
    public const string ProvinceFinance = "province-finance";
    /// <summary>Provincial supervision (省督战): deadlines of the counties of its province.</summary>
    public const string ProvinceSupervisor = "province-supervisor";
    /// <summary>Provincial audit (省审计): history and integrity of the counties of its province.</summary>
    public const string ProvinceAuditor = "province-auditor";

    public static readonly IReadOnlyList<string> County = [Finance, TownshipHq, VillageCommittee, VillageCouncil, Supervisor, Auditor, Admin];
    public static readonly IReadOnlyList<string> Province = [ProvinceFinance, ProvinceSupervisor, ProvinceAuditor];
    public static readonly IReadOnlyList<string> All = [.. County, .. Province];

    public static bool IsProvincial(string role) => Province.Contains(role);

    /// <summary>How far a role sees and acts: its township, its village, its county or its province.</summary>
    public static Reach ReachOf(string role) => role switch
    {
        TownshipHq => Reach.Township,
        VillageCommittee or VillageCouncil => Reach.Village,
        ProvinceFinance or ProvinceSupervisor or ProvinceAuditor => Reach.Province,
        _ => Reach.County,
    };

    /// <summary>The scope string of a village-level role: township and village, since village names repeat across townships.</summary>
    public static string VillageScope(string township, string village) => $"{township}/{village}";
}
