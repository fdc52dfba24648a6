using Funds.Domain.Projects;

namespace Funds.Demo;

/// <summary>A township (乡镇) of the demo county, with a pinyin key for actor subjects.</summary>
public sealed record DemoTownship(string Name, string Pinyin, IReadOnlyList<string> Villages);

/// <summary>Fixed name material for the demo county: Jianshi County (建始县, Hubei, Enshi prefecture).
/// Every list is fixed; which entries are used is decided by the generator's seeded random.</summary>
internal static class DemoCountyNames
{
    public const string County = "建始县";
    /// <summary>Administrative division code of Jianshi County, used in credit codes registered there.</summary>
    public const string CountyCode = "422822";
    public const string PrefectureCode = "422800";
    public const string ProvinceCode = "420000";

    /// <summary>The ten townships and how many of the 92 registered poor villages (建档立卡贫困村) lie in each.</summary>
    public static readonly IReadOnlyList<(string Name, string Pinyin, int PoorVillages)> Townships =
    [
        ("业州镇", "yezhou", 12),
        ("高坪镇", "gaoping", 11),
        ("红岩寺镇", "hongyansi", 10),
        ("景阳镇", "jingyang", 10),
        ("官店镇", "guandian", 11),
        ("花坪镇", "huaping", 9),
        ("长梁乡", "changliang", 8),
        ("茅田乡", "maotian", 7),
        ("龙坪乡", "longping", 7),
        ("三里乡", "sanli", 7),
    ];

    // Village names: first syllable + second syllable + 村 ("黄坪村", "石门村" …).
    public static readonly string[] VillageFirst =
    [
        "黄", "石", "白", "青", "龙", "凤", "马", "杨", "花", "桃", "柳", "竹", "松", "高", "长", "茶", "枫", "金",
        "红", "双", "三", "大", "小", "新", "柏", "鹿", "猫", "槐", "望", "太", "天", "中", "前", "后", "野", "雷",
    ];

    public static readonly string[] VillageSecond =
    [
        "坪", "门", "岩", "溪", "坝", "湾", "坡", "口", "岭", "园", "垭", "池", "沟", "河", "田", "山", "桥", "塘", "堡", "台", "营", "槽",
    ];

    public static readonly string[] Surnames =
        ["李", "王", "张", "刘", "陈", "杨", "黄", "向", "谭", "田", "覃", "邓", "龚", "冉", "吴", "周", "徐", "朱", "郑", "秦", "崔", "姚", "熊", "牟"];

    public static readonly string[] GivenNames =
    [
        "国华", "秀英", "德明", "建军", "玉兰", "志强", "春梅", "光荣", "永福", "桂香", "世平", "红霞", "家贵", "明亮",
        "正清", "小燕", "昌文", "金凤", "大友", "兴旺", "守成", "翠莲", "发勇", "祖银", "开元", "素珍", "先进", "泽民",
    ];

    /// <summary>Staff surnames (pinyin) for actor subjects.</summary>
    public static readonly string[] StaffKeys = ["li", "wang", "zhang", "liu", "chen", "xiang", "tan", "tian", "qin", "deng", "gong", "ran"];

    public static readonly string[] Products = ["茶叶", "猕猴桃", "魔芋", "葡萄", "高山蔬菜", "核桃", "玄参", "党参", "黄连", "食用菌", "烟叶", "马铃薯"];
    public static readonly string[] Livestock = ["生猪", "山羊", "黄牛", "中蜂", "土鸡"];
    public static readonly string[] ShortCrops = ["魔芋", "高山蔬菜", "烟叶", "马铃薯", "油菜"];
    public static readonly string[] WorkshopTrades = ["服装加工", "藤编工艺", "食品加工", "电子元件组装", "茶叶加工", "竹编"];
    public static readonly string[] Hamlets = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    /// <summary>Builders (施工单位) per category: name and where the company is registered.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Region)[]> Builders = new Dictionary<string, (string, string)[]>
    {
        [ProjectCategories.Road] =
        [
            ("恩施州路桥建设有限公司", PrefectureCode), ("建始县通达公路工程有限公司", CountyCode), ("湖北清江路桥建设有限公司", ProvinceCode),
            ("恩施州华通交通建设有限公司", PrefectureCode), ("建始县鑫盛建筑工程有限公司", CountyCode), ("建始县顺达公路养护工程有限公司", CountyCode),
        ],
        [ProjectCategories.PowerGrid] =
        [
            ("建始县电力实业有限责任公司", CountyCode), ("恩施州鸿源电力工程有限公司", PrefectureCode), ("湖北楚能电力安装有限公司", ProvinceCode),
        ],
        [ProjectCategories.DrinkingWater] =
        [
            ("建始县水利水电建筑工程有限公司", CountyCode), ("恩施州清源供水工程有限公司", PrefectureCode), ("湖北鑫泉水利建设有限公司", ProvinceCode),
            ("建始县广润水务工程有限公司", CountyCode),
        ],
        [ProjectCategories.Broadband] =
        [
            ("恩施州信通通信工程有限公司", PrefectureCode), ("湖北邮电规划设计建设有限公司", ProvinceCode), ("建始县联通网络工程有限公司", CountyCode),
        ],
        [ProjectCategories.HousingRenovation] =
        [
            ("建始县安居建筑工程有限公司", CountyCode), ("建始县业州建筑工程有限公司", CountyCode), ("恩施州宏达建设工程有限公司", PrefectureCode),
            ("建始县景阳建筑工程有限公司", CountyCode),
        ],
        ["industry"] =
        [
            ("建始县绿源农业开发有限公司", CountyCode), ("恩施州硒源生态农业工程有限公司", PrefectureCode), ("湖北硒都建设工程有限公司", ProvinceCode),
            ("建始县农业产业化服务有限公司", CountyCode), ("建始县鑫盛建筑工程有限公司", CountyCode), ("恩施州兴农设施农业工程有限公司", PrefectureCode),
        ],
    };

    /// <summary>Payees other than the builder, paid on the builder's written instruction (委托支付).</summary>
    public static readonly (string Name, string Region)[] Suppliers =
    [
        ("建始县建材有限责任公司", CountyCode), ("恩施州华新水泥销售有限公司", PrefectureCode), ("建始县鑫源砂石料有限公司", CountyCode),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RefusalReasons = new Dictionary<string, string[]>
    {
        [ProjectCategories.Road] = ["路面平整度不达标，K0+300至K0+520段出现裂缝", "排水边沟未按设计施工，错车道宽度不足", "路基压实度不够，部分路段沉陷"],
        [ProjectCategories.PowerGrid] = ["部分农户动力电未接通，电表箱安装不规范", "电杆埋深不足，拉线未按规范设置"],
        [ProjectCategories.DrinkingWater] = ["部分农户入户管道未通水", "蓄水池渗漏，水质检测报告未提供", "管网埋深不足，冬季易冻裂"],
        [ProjectCategories.Broadband] = ["部分村民小组4G信号未覆盖", "光纤入户数量与合同不符"],
        [ProjectCategories.HousingRenovation] = ["部分改造户墙体加固未完成，屋面漏雨", "改造户数与批复不符，2户未按标准施工"],
        ["industry"] = ["基地配套设施与设计不符，灌溉管网未完工", "厂房消防设施未验收，设备未安装到位", "圈舍建设面积不足，粪污处理设施缺失"],
    };

    public static readonly string[] WeakMeasures =
    [
        "制定整改方案：调整经营主体负责人，补充流动资金，县农业农村局派驻技术员指导",
        "制定整改方案：与龙头企业签订保底收购协议，加强田间管理",
        "制定整改方案：压缩管理费用，完善利益联结机制，按季度公示收益",
    ];

    public static readonly string[] IdleMeasures =
    [
        "盘活措施：资产折股量化到户，由专业合作社统一经营",
        "盘活措施：引入龙头企业托管经营，村集体按资产比例分红",
        "盘活措施：注入周转资金，恢复生产，乡镇前线指挥部跟踪督办",
    ];

    public static readonly string[] CancelReasons =
    [
        "项目选址与易地扶贫搬迁集中安置点重叠，经乡镇前线指挥部研究取消",
        "土地流转未落实，村民代表大会决定不再实施，资金调整用于其他项目",
        "与行业部门已安排项目重复，按照资金使用精准要求取消",
    ];
}
