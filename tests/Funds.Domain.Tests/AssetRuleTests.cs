using Funds.Domain.Common;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class AssetRules
{
    private static readonly RegisterAsset Road = new("通组公路", 880_000m, "官店镇黄坪村", D("2019-07-12"));
    private static readonly Actor Committee = new("vc", "village-committee", "官店镇/黄坪村");

    [Fact]
    public void assets_are_registered_on_settlement_handed_over_with_an_upkeep_responsible_and_checked()
    {
        Expect.Rule("asset-requires-settlement", RejectionKind.Conflict, () => ProjectDecider.RegisterAsset(Guid.NewGuid(), Road, Accepted(), Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable,
            () => ProjectDecider.RegisterAsset(Guid.NewGuid(), Road with { RegisteredOn = D("2019-07-09") }, Settled_(), Ctx()));
        var registered = ProjectDecider.RegisterAsset(Guid.NewGuid(), Road, Settled_(), Ctx());
        var p = Project.Evolve(Settled_(), registered)!;
        var check = new CheckAssetUpkeep(registered.AssetId, AssetCondition.Good, null, D("2019-10-01"));
        Expect.Rule("upkeep-requires-handover", RejectionKind.Conflict, () => ProjectDecider.CheckUpkeep(check, p, Ctx()));

        var handover = new HandOverAsset(registered.AssetId, "黄坪村集体经济组织", AssetOwnerKind.VillageCollective, "黄坪村护路员", D("2019-07-20"));
        Expect.Rule("operating-entity-required", RejectionKind.Conflict,
            () => ProjectDecider.HandOver(handover with { OwnerKind = AssetOwnerKind.OperatingEntity }, p, Ctx()));
        Expect.Rule("asset-not-found", RejectionKind.Unprocessable, () => ProjectDecider.HandOver(handover with { AssetId = Guid.NewGuid() }, p, Ctx()));
        var handed = Project.Evolve(p, ProjectDecider.HandOver(handover, p, Ctx()))!;
        Expect.Rule("asset-already-handed-over", RejectionKind.Conflict, () => ProjectDecider.HandOver(handover, handed, Ctx()));

        Expect.Invalid(() => ProjectDecider.CheckUpkeep(check with { Condition = AssetCondition.NeedsRepair }, handed, Ctx()), "note");
        var checkedOnce = Project.Evolve(handed, ProjectDecider.CheckUpkeep(check, handed, Ctx() with { By = Committee }))!;
        var asset = checkedOnce.Assets.Single();
        Assert.Equal(("黄坪村护路员", AssetCondition.Good, 1), (asset.UpkeepResponsible, asset.Checks![0].Condition, asset.Checks.Count));
    }
}
