namespace Funds.Domain.Projects;

/// <summary>The project categories the seeds name. Codes are what the API and deadline policies use.</summary>
public static class ProjectCategories
{
    public const string PowerGrid = "power-grid";
    public const string Road = "road";
    public const string DrinkingWater = "drinking-water";
    public const string Broadband = "broadband";
    public const string HousingRenovation = "housing-renovation";
    public const string ProductBase = "product-base";
    public const string Cooperative = "cooperative";
    public const string Workshop = "workshop";
    public const string CropLivestock = "crop-livestock";

    public static readonly IReadOnlyList<ProjectCategory> All =
    [
        new(PowerGrid, ProjectKind.Infrastructure, "Rural power grid upgrade", "农网改造(动力电)"),
        new(Road, ProjectKind.Infrastructure, "Roads", "通村通组公路"),
        new(DrinkingWater, ProjectKind.Infrastructure, "Drinking-water safety", "饮水安全"),
        new(Broadband, ProjectKind.Infrastructure, "Fibre broadband and 4G", "信息基础设施"),
        new(HousingRenovation, ProjectKind.Infrastructure, "Dangerous-house renovation", "危房改造"),
        new(ProductBase, ProjectKind.Industry, "One village one product base", "一村一品基地"),
        new(Cooperative, ProjectKind.Industry, "Cooperative", "专业合作社"),
        new(Workshop, ProjectKind.Industry, "Poverty-relief workshop", "扶贫车间"),
        new(CropLivestock, ProjectKind.Industry, "One long two short crops and livestock", "一长两短种养殖"),
    ];

    public static ProjectCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
