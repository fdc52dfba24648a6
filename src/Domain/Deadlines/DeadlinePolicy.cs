using Funds.Domain.Projects;

namespace Funds.Domain.Deadlines;

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
