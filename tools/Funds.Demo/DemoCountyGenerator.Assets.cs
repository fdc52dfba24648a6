using Funds.Domain.Projects;

namespace Funds.Demo;

// Assets after completion: on settlement the township registers the project's asset at its settled value; ten days later
// it is handed over (industry projects to their operating entity, the rest to the village collective) with an upkeep
// responsible; the village committee checks it after three months, and every ninth asset needs repair.
internal sealed partial class DemoCountyGenerator
{
    private void RegisterAssets(SimProject p, DateOnly settledOn)
    {
        var s = p.State!;
        var registered = ProjectDecider.RegisterAsset(DerivedId(p.Id, 0x41), new RegisterAsset(AssetName(s), s.Settlement!.SettledAmount,
            $"{p.Township.Name}{p.Village}", settledOn), s, Ctx(p.Hq));
        Emit(p, registered);
        var toEntity = s.Kind == ProjectKind.Industry && s.OperatingEntity is not null;
        Later(10, () => Decide(p, p.Hq, new HandOverAsset(registered.AssetId, toEntity ? s.OperatingEntity!.Name : $"{p.Village}村集体经济组织",
            toEntity ? AssetOwnerKind.OperatingEntity : AssetOwnerKind.VillageCollective,
            toEntity ? s.OperatingEntity!.Name : $"{p.Village}村民委员会（管护员）", ChinaDay(_now))));
        Later(100, () =>
        {
            var repair = p.Index % 9 == 4;
            Decide(p, p.Committee, new CheckAssetUpkeep(registered.AssetId, repair ? AssetCondition.NeedsRepair : AssetCondition.Good,
                repair ? "局部破损，已报乡镇安排维修" : null, ChinaDay(_now)));
        });
    }

    private static string AssetName(Project s) => s.Category switch
    {
        ProjectCategories.Road => "通村（组）公路",
        ProjectCategories.PowerGrid => "农村电网设施",
        ProjectCategories.DrinkingWater => "集中供水工程",
        ProjectCategories.Broadband => "光纤宽带及4G基站",
        ProjectCategories.HousingRenovation => "危房改造住房",
        _ => $"{s.Name}形成的资产",
    };

    /// <summary>Housing-renovation projects (危房改造) list their households on approval, two to six of them, and close each
    /// item (销号) as the works finish: most before the end of September 2019, some after.</summary>
    private void ListDangerousHouses(SimProject p, DateOnly approvedOn)
    {
        if (p.Category != ProjectCategories.HousingRenovation) return;
        var count = 2 + p.Index % 5;
        for (var n = 0; n < count; n++)
        {
            var i = n;
            var listed = ProjectDecider.ListHouse(DerivedId(p.Id, (byte)(0x90 + i)), new ListDangerousHouse($"{p.Village}{1 + i % 4}组-{10 + p.Index % 30 + i}号",
                HouseholdHeads[(p.Index + i) % HouseholdHeads.Length], (p.Index + i) % 3 != 0, approvedOn), p.State!, Ctx(p.Hq));
            Emit(p, listed);
            var days = 60 + (p.Index * 37 + i * 53) % 240;
            Later(days, () =>
            {
                if (p.State!.Status == ProjectStatus.Cancelled) return;
                Decide(p, p.Hq, new CloseDangerousHouse(listed.HouseholdId, (HousingSolution)(1 + (p.Index + i) % 4), null, ChinaDay(_now)));
            });
        }
    }

    private static readonly string[] HouseholdHeads = ["王德贵", "李秀英", "张国强", "刘桂兰", "陈光明", "杨春花", "赵永福", "黄玉梅"];
}
