using Funds.Domain.Common;
using Funds.Domain.Projects;

namespace Funds.Demo;

/// <summary>What makes one demo county itself: its code, townships and villages, how many projects of which
/// kinds, the companies and products of the place, the fund sources it receives and the way its offices
/// number their documents. The generator does the rest the same way for every county.</summary>
public sealed record DemoCountyShape
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required int Seed { get; init; }
    public required string PrefectureCode { get; init; }
    public required string ProvinceCode { get; init; }
    /// <summary>Townships (or streets) with a pinyin key for actor subjects and how many poor villages each has.</summary>
    public required IReadOnlyList<(string Name, string Pinyin, int PoorVillages)> Townships { get; init; }
    /// <summary>A village always present (the README's examples use it).</summary>
    public (string Township, string Village)? KnownVillage { get; init; }
    public required string[] VillageFirst { get; init; }
    public required string[] VillageSecond { get; init; }
    /// <summary>Projects per poor village, and how many villages get one more.</summary>
    public int ProjectsPerVillage { get; init; } = 3;
    public int ExtraProjects { get; init; }
    /// <summary>Of the projects in order, the first this share are of plan year 2017, up to the second of 2018, the rest 2019.</summary>
    public (decimal Y2017, decimal Y2018) PlanYearSplit { get; init; } = (0.2m, 0.567m);
    public required (string Category, int Weight)[] CategoryWeights { get; init; }
    public required string[] Products { get; init; }
    public required string[] Livestock { get; init; }
    public required string[] ShortCrops { get; init; }
    public required string[] WorkshopTrades { get; init; }
    public required IReadOnlyDictionary<string, (string Name, string Region)[]> Builders { get; init; }
    public required (string Name, string Region)[] Suppliers { get; init; }
    /// <summary>Seven fund sources per fiscal year, in the slots the allocation preferences name (see the generator).</summary>
    public required (FundSourceKind Kind, string Name, string Document, decimal Share)[] Sources { get; init; }
    /// <summary>Document series: approvals, allocations; vouchers and tenders.</summary>
    public required string ApprovalSeries { get; init; }
    public required string AllocationSeries { get; init; }
    public required string VoucherPrefix { get; init; }
    public required string TenderPrefix { get; init; }
    public required string ApproverBefore2019 { get; init; }
    public required string Approver2019 { get; init; }
    public required (string Chief, string Cashier) FinanceStaff { get; init; }

    public static readonly DemoCountyShape Jianshi = new()
    {
        Code = DemoCountyNames.CountyCode, Name = DemoCountyNames.County, Seed = 20190130,   // 1月30日: 县脱贫攻坚指挥部1号令
        PrefectureCode = DemoCountyNames.PrefectureCode, ProvinceCode = DemoCountyNames.ProvinceCode,
        Townships = DemoCountyNames.Townships, KnownVillage = ("官店镇", "黄坪村"),
        VillageFirst = DemoCountyNames.VillageFirst, VillageSecond = DemoCountyNames.VillageSecond, ExtraProjects = 24,
        CategoryWeights =
        [
            (ProjectCategories.Road, 22), (ProjectCategories.PowerGrid, 8), (ProjectCategories.DrinkingWater, 12),
            (ProjectCategories.Broadband, 6), (ProjectCategories.HousingRenovation, 12), (ProjectCategories.ProductBase, 12),
            (ProjectCategories.Cooperative, 10), (ProjectCategories.Workshop, 6), (ProjectCategories.CropLivestock, 12),
        ],
        Products = DemoCountyNames.Products, Livestock = DemoCountyNames.Livestock, ShortCrops = DemoCountyNames.ShortCrops,
        WorkshopTrades = DemoCountyNames.WorkshopTrades, Builders = DemoCountyNames.Builders, Suppliers = DemoCountyNames.Suppliers,
        Sources =
        [
            (FundSourceKind.SpecialPovertyFund, "中央财政专项扶贫资金", "鄂财农发〔{0}〕{1}号", 0.22m),
            (FundSourceKind.SpecialPovertyFund, "省级财政专项扶贫资金", "鄂财农发〔{0}〕{1}号", 0.10m),
            (FundSourceKind.IntegratedAgriculturalFund, "统筹整合财政涉农资金", "建政办发〔{0}〕{1}号", 0.40m),
            (FundSourceKind.CountyFiscal, "县本级财政扶贫资金", "建财预〔{0}〕{1}号", 0.12m),
            (FundSourceKind.EastWestCooperation, "杭州市东西部扶贫协作资金（杭州—恩施）", "杭协办〔{0}〕{1}号", 0.08m),
            (FundSourceKind.CountyFiscal, "扶贫小额信贷贴息资金", "建金融办〔{0}〕{1}号", 0.04m),
            (FundSourceKind.Social, "社会扶贫资金（企业结对帮扶）", "建扶办〔{0}〕{1}号", 0.04m),
        ],
        ApprovalSeries = "建扶发〔{0}〕{{0}}号", AllocationSeries = "建财预〔{0}〕{{0}}号", VoucherPrefix = "JSCZ", TenderPrefix = "JSZB",
        ApproverBefore2019 = "建始县扶贫开发领导小组", Approver2019 = "建始县脱贫攻坚指挥部",
        FinanceStaff = ("czj.tan", "czj.xiang"),
    };

    /// <summary>Shaped like Zaozhuang's Shizhong district (枣庄市市中区, Shandong): fewer poor villages, and mostly
    /// industry projects — the city reports 1,549 industry projects since 2016, a village poverty council in
    /// every village, city special funds and micro-credit alongside the integrated agricultural funds.</summary>
    public static readonly DemoCountyShape Zaozhuang = new()
    {
        Code = "370402", Name = "枣庄市市中区", Seed = 20180815,
        PrefectureCode = "370400", ProvinceCode = "370000",
        Townships = ZaozhuangNames.Townships, KnownVillage = ("税郭镇", "前王庄村"),
        VillageFirst = ZaozhuangNames.VillageFirst, VillageSecond = ZaozhuangNames.VillageSecond, ExtraProjects = 12,
        CategoryWeights =
        [
            (ProjectCategories.Road, 10), (ProjectCategories.PowerGrid, 3), (ProjectCategories.DrinkingWater, 5),
            (ProjectCategories.Broadband, 2), (ProjectCategories.HousingRenovation, 6), (ProjectCategories.ProductBase, 24),
            (ProjectCategories.Cooperative, 20), (ProjectCategories.Workshop, 14), (ProjectCategories.CropLivestock, 16),
        ],
        Products = ZaozhuangNames.Products, Livestock = ZaozhuangNames.Livestock, ShortCrops = ZaozhuangNames.ShortCrops,
        WorkshopTrades = ZaozhuangNames.WorkshopTrades, Builders = ZaozhuangNames.Builders, Suppliers = ZaozhuangNames.Suppliers,
        Sources =
        [
            (FundSourceKind.SpecialPovertyFund, "中央财政专项扶贫资金", "鲁财农〔{0}〕{1}号", 0.14m),
            (FundSourceKind.SpecialPovertyFund, "省级财政专项扶贫资金", "鲁财农〔{0}〕{1}号", 0.10m),
            (FundSourceKind.IntegratedAgriculturalFund, "统筹整合财政涉农资金", "枣政办发〔{0}〕{1}号", 0.36m),
            (FundSourceKind.CountyFiscal, "区本级财政扶贫资金", "市中财预〔{0}〕{1}号", 0.10m),
            (FundSourceKind.SpecialPovertyFund, "枣庄市市级财政专项扶贫资金", "枣财农〔{0}〕{1}号", 0.20m),
            (FundSourceKind.CountyFiscal, "扶贫小额信贷贴息资金", "市中金融办〔{0}〕{1}号", 0.06m),
            (FundSourceKind.Social, "社会扶贫资金（企业结对帮扶）", "市中扶办〔{0}〕{1}号", 0.04m),
        ],
        ApprovalSeries = "市中扶发〔{0}〕{{0}}号", AllocationSeries = "市中财预〔{0}〕{{0}}号", VoucherPrefix = "SZCZ", TenderPrefix = "SZZB",
        ApproverBefore2019 = "市中区扶贫开发领导小组", Approver2019 = "市中区脱贫攻坚领导小组",
        FinanceStaff = ("czj.sun", "czj.kong"),
    };

    public static readonly IReadOnlyList<DemoCountyShape> All = [Jianshi, Zaozhuang];
}
