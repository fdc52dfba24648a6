namespace Funds.Domain.Deadlines;

public enum DeadlineKind
{
    /// <summary>Construction must have started (开工) by the due date.</summary>
    Start = 1,
    /// <summary>Construction must be completed (完工) by the due date.</summary>
    Completion = 2,
}

/// <summary>One deadline rule: which projects it applies to (plan years, categories) and what must
/// happen by when. Policies are data: the seed's 2019 plan is the default; configuration adds more.</summary>
public sealed record DeadlineRule
{
    public string Id { get; init; } = "";
    public string Description { get; init; } = "";
    /// <summary>Applies to plan years from this one (inclusive); null = no lower bound.</summary>
    public int? PlanYearFrom { get; init; }
    /// <summary>Applies to plan years up to this one (inclusive); null = no upper bound.</summary>
    public int? PlanYearTo { get; init; }
    /// <summary>Applies only to these categories; empty = all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public DeadlineKind Kind { get; init; }
    public DateOnly Due { get; init; }

    public bool AppliesTo(int planYear, string category)
        => (PlanYearFrom is null || planYear >= PlanYearFrom) && (PlanYearTo is null || planYear <= PlanYearTo)
           && (Categories.Count == 0 || Categories.Contains(category));
}

public sealed record DeadlinePolicy(IReadOnlyList<DeadlineRule> Rules, int AtRiskDays = 30)
{
    /// <summary>Jianshi County's 2019 battle plan (seed 000): projects started before 2019 complete by
    /// 30 June; projects of 2019 start by 31 March and complete by 30 September; drinking-water safety
    /// works complete by the end of September.</summary>
    public static readonly IReadOnlyList<DeadlineRule> Plan2019 =
    [
        new() { Id = "2019-continuing-completion", Description = "在建项目(2019年前开工)6月30日前完工 — projects of earlier plan years complete by 30 June 2019",
            PlanYearTo = 2018, Kind = DeadlineKind.Completion, Due = new DateOnly(2019, 6, 30) },
        new() { Id = "2019-new-start", Description = "2019年新建项目3月31日前开工 — projects of plan year 2019 start by 31 March 2019",
            PlanYearFrom = 2019, PlanYearTo = 2019, Kind = DeadlineKind.Start, Due = new DateOnly(2019, 3, 31) },
        new() { Id = "2019-new-completion", Description = "2019年新建项目9月30日前完工 — projects of plan year 2019 complete by 30 September 2019",
            PlanYearFrom = 2019, PlanYearTo = 2019, Kind = DeadlineKind.Completion, Due = new DateOnly(2019, 9, 30) },
        new() { Id = "2019-drinking-water", Description = "饮水安全工程9月底前全面完成 — drinking-water safety works complete by 30 September 2019",
            PlanYearTo = 2019, Categories = ["drinking-water"], Kind = DeadlineKind.Completion, Due = new DateOnly(2019, 9, 30) },
    ];

    public static readonly DeadlinePolicy Default = new(Plan2019);

    public IEnumerable<DeadlineRule> For(int planYear, string category) => Rules.Where(r => r.AppliesTo(planYear, category));
}
