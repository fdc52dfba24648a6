using Funds.Domain.Projects;

namespace Funds.Demo;

/// <summary>Name material for the Zaozhuang-shaped district (枣庄市市中区, Shandong).</summary>
internal static class ZaozhuangNames
{
    public const string DistrictCode = "370402";
    public const string CityCode = "370400";
    public const string ProvinceCode = "370000";

    /// <summary>Towns and streets, and how many poor villages each has.</summary>
    public static readonly IReadOnlyList<(string Name, string Pinyin, int PoorVillages)> Townships =
    [
        ("税郭镇", "shuiguo", 8),
        ("孟庄镇", "mengzhuang", 7),
        ("西王庄镇", "xiwangzhuang", 7),
        ("永安镇", "yongan", 6),
        ("光明路街道", "guangminglu", 2),
        ("垎塔埠街道", "getabu", 2),
    ];

    public static readonly string[] VillageFirst =
    [
        "前", "后", "东", "西", "南", "北", "大", "小", "新", "王", "李", "张", "孙", "孔", "刘", "马", "杜", "褚", "黄", "石",
    ];

    public static readonly string[] VillageSecond =
    [
        "王庄", "李庄", "张庄", "楼", "屯", "集", "家洼", "家峪", "辛庄", "店子", "官庄", "泉", "山", "岭", "沟", "湖", "桥", "营",
    ];

    public static readonly string[] Products = ["石榴", "大枣", "马铃薯", "花生", "大棚蔬菜", "食用菌", "樱桃", "核桃", "中药材", "软籽石榴"];
    public static readonly string[] Livestock = ["黑山羊", "肉鸡", "生猪", "奶牛", "蛋鸡"];
    public static readonly string[] ShortCrops = ["大棚蔬菜", "马铃薯", "花生", "食用菌", "西瓜"];
    public static readonly string[] WorkshopTrades = ["服装加工", "塑料制品", "电子元件组装", "食品加工", "石榴盆景", "手工编织"];

    public static readonly IReadOnlyDictionary<string, (string Name, string Region)[]> Builders = new Dictionary<string, (string, string)[]>
    {
        [ProjectCategories.Road] =
        [
            ("枣庄市公路工程有限公司", CityCode), ("枣庄市市中区交通建设有限公司", DistrictCode), ("山东鲁南路桥建设有限公司", ProvinceCode),
            ("枣庄市通达公路养护有限公司", CityCode),
        ],
        [ProjectCategories.PowerGrid] = [("枣庄市电力实业有限公司", CityCode), ("山东鲁能电力工程有限公司", ProvinceCode)],
        [ProjectCategories.DrinkingWater] = [("枣庄市水利建筑工程有限公司", CityCode), ("枣庄市市中区自来水工程有限公司", DistrictCode)],
        [ProjectCategories.Broadband] = [("枣庄市信通网络工程有限公司", CityCode), ("山东邮电工程有限公司", ProvinceCode)],
        [ProjectCategories.HousingRenovation] = [("枣庄市市中区安居建筑有限公司", DistrictCode), ("枣庄市鑫源建设工程有限公司", CityCode)],
        ["industry"] =
        [
            ("枣庄市农业产业化服务有限公司", CityCode), ("枣庄市市中区兴农设施农业工程有限公司", DistrictCode), ("山东鲁南农业发展有限公司", ProvinceCode),
            ("枣庄市榴乡建设工程有限公司", CityCode),
        ],
    };

    public static readonly (string Name, string Region)[] Suppliers =
    [
        ("枣庄市中联水泥销售有限公司", CityCode), ("枣庄市市中区建材有限公司", DistrictCode),
    ];
}
