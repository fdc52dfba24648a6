using Funds.Domain.Findings;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using Funds.Domain.Villages;
using Funds.Domain.Households;
using static Funds.Domain.Access.Roles;

namespace Funds.Domain.Access;

/// <summary>The one table of who may do what. Endpoint authorization is derived from it, and every command
/// is checked against it again, with the record's township and village, before it is decided.</summary>
public static class Permissions
{
    private static readonly Grant Hq = Grant.Of(TownshipHq, Reach.Township);
    private static readonly Grant Committee = Grant.Of(VillageCommittee, Reach.Village);
    private static readonly Grant FinanceBureau = Grant.Of(Finance);
    private static readonly Grant Inspectors = new([Auditor, Supervisor]);

    public static readonly IReadOnlyDictionary<Type, Grant> Commands = new Dictionary<Type, Grant>
    {
        [typeof(RegisterProject)] = Hq,
        // Every role a county may choose as approver (county policy ApprovingRole / TownshipApprovalLimit narrows it).
        [typeof(ApproveProject)] = new([Finance, TownshipHq], Reach.Township),
        [typeof(SelectBuilder)] = Hq,
        [typeof(ChangeBuilder)] = Hq,
        [typeof(StartConstruction)] = Hq,
        [typeof(CompleteConstruction)] = Hq,
        [typeof(SignOffAcceptance)] = Committee,
        [typeof(RefuseAcceptance)] = Committee,
        [typeof(SettleProject)] = FinanceBureau,
        [typeof(CancelProject)] = Hq,
        [typeof(AssignOperatingEntity)] = Hq,
        [typeof(DistributeIncome)] = Hq,
        [typeof(RecordReview)] = Hq,
        [typeof(DisburseFunds)] = FinanceBureau,
        [typeof(RegisterFundSource)] = FinanceBureau,
        [typeof(ReceiveFunds)] = FinanceBureau,
        [typeof(AllocateFunds)] = FinanceBureau,
        [typeof(ReduceAllocation)] = FinanceBureau,
        [typeof(RaiseFinding)] = Inspectors,
        [typeof(ReportRectification)] = Hq,
        [typeof(CloseFinding)] = Inspectors,
        [typeof(ScreenProject)] = Hq,
        [typeof(AssessProject)] = Hq,
        [typeof(DeclareSubcontract)] = Hq,
        [typeof(RequestPaymentException)] = FinanceBureau,
        [typeof(ApprovePaymentException)] = FinanceBureau,
        // Supervision teams and auditors inspect anywhere in the county; a village committee follows its own village's works (跟踪监管).
        [typeof(RecordInspection)] = new([Supervisor, Auditor, VillageCommittee], Reach.Village),
        [typeof(SendBackRectification)] = Inspectors,
        [typeof(VerifyRectification)] = Inspectors,
        [typeof(RegisterAsset)] = Hq,
        [typeof(HandOverAsset)] = Hq,
        // Upkeep is checked by the village committee of the asset's village, or by county supervisors and auditors.
        [typeof(CheckAssetUpkeep)] = new([VillageCommittee, Supervisor, Auditor], Reach.Village),
        [typeof(ListDangerousHouse)] = Hq,
        [typeof(CloseDangerousHouse)] = Hq,
        [typeof(RegisterVillage)] = Grant.Of(Admin),
        [typeof(ChangeVillageStatus)] = Grant.Of(Admin),
        [typeof(PayFromVillageFund)] = Committee,
        [typeof(RegisterHousehold)] = Hq,
        [typeof(ChangeHouseholdStatus)] = Hq,
        [typeof(LinkHousehold)] = Hq,
        [typeof(EndBenefitLink)] = Hq,
        [typeof(IssueLoan)] = FinanceBureau,
        [typeof(RepayLoan)] = FinanceBureau,
        [typeof(ExtendLoan)] = FinanceBureau,
        [typeof(ReportLoanOverdue)] = FinanceBureau,
        [typeof(PayInterestSubsidy)] = FinanceBureau,
    };

    private static readonly string[] Everyone = [.. All];
    private static readonly string[] CountyWide = [Finance, Supervisor, Auditor, Admin, .. Province];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ReadGrants = new Dictionary<string, IReadOnlyList<string>>
    {
        [Reads.Projects] = Everyone,
        [Reads.Deadlines] = Everyone,
        [Reads.Findings] = Everyone,
        [Reads.FundSources] = CountyWide,
        [Reads.Reports] = CountyWide,
        [Reads.Payees] = [Finance, Auditor, ProvinceFinance, ProvinceAuditor],
        [Reads.History] = [Auditor, Admin, ProvinceAuditor],
        [Reads.Operations] = [Admin],
        [Reads.Province] = [.. Province],
        [Reads.Public] = [],
        [Reads.Policy] = Everyone,
        [Reads.PaymentExceptions] = CountyWide,
        [Reads.Assets] = Everyone,
        [Reads.Villages] = Everyone,
        [Reads.Households] = [Finance, TownshipHq, VillageCommittee, VillageCouncil, Supervisor, Auditor, ProvinceAuditor],
        [Reads.HouseholdAudit] = [Auditor, Supervisor, ProvinceAuditor],
    };

    /// <summary>Who sees the names of household heads in full: those who work with the households (township HQ, village
    /// committee and council) and auditors, who must check them against the register. Everyone else sees them masked (张**).</summary>
    public static readonly IReadOnlyList<string> SeeHouseholdNames = [TownshipHq, VillageCommittee, VillageCouncil, Auditor, ProvinceAuditor];

    public static Grant For(Type command)
        => Commands.TryGetValue(command, out var grant) ? grant
            : throw new InvalidOperationException($"{command.Name} has no entry in the permissions table.");

    public static IReadOnlyList<string> ForReading(string what)
        => ReadGrants.TryGetValue(what, out var roles) ? roles
            : throw new InvalidOperationException($"'{what}' has no entry in the permissions table.");
}
