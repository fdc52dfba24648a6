using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Projects;

namespace Funds.Demo;

// Screening (筛选) and assessment (论证) before each approval, recorded with it (no randomness is drawn here,
// so the rest of the county is generated as before).
internal sealed partial class DemoCountyGenerator
{
    private static readonly string[] ScreeningReasons = ["列入县级脱贫攻坚项目库", "符合贫困村基础设施补短板规划", "经村民代表大会评议、乡镇审核入库"];
    private static readonly string[] Conclusions = ["技术方案可行，投资估算合理，带贫效果明显", "建设条件具备，群众意愿强烈", "经行业部门论证可行"];

    private void ScreenAndAssess(SimProject p, DateOnly registeredOn, DateOnly approvedOn, Action approve)
    {
        var screenedOn = Max(registeredOn, approvedOn.AddDays(-6));
        var assessedOn = Max(screenedOn, approvedOn.AddDays(-3));
        var n = p.Index;
        Decide(p, p.Hq, new ScreenProject(true, ScreeningReasons[n % ScreeningReasons.Length], screenedOn));
        Decide(p, p.Hq, new AssessProject(true, Conclusions[n % Conclusions.Length], 20 + n % 150,
            [new PlannedFundingLine(p.Kind == ProjectKind.Industry ? FundSourceKind.IntegratedAgriculturalFund : FundSourceKind.SpecialPovertyFund, p.Budget)],
            assessedOn));
        approve();
        ListDangerousHouses(p, approvedOn);
    }

    /// <summary>Who approves is county policy: the finance bureau by default, a township HQ where the county says so.</summary>
    private Actor Approver(SimProject p)
        => _policy.ApprovingRole == Roles.TownshipHq || (_policy.TownshipApprovalLimit > 0 && p.Budget <= _policy.TownshipApprovalLimit)
            ? p.Hq : _financeChief;
}
