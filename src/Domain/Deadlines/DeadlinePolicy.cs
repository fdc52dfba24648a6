using Funds.Domain.Projects;

namespace Funds.Domain.Deadlines;

/// <summary>The deadline rules in force. <see cref="AtRiskDays"/> and <see cref="IndustryProjects"/> are county
/// policy (the seeds state neither).</summary>
public sealed record DeadlinePolicy(IReadOnlyList<DeadlineRule> Rules, int AtRiskDays = 30, bool IndustryProjects = true)
{
    private static readonly DateOnly Year2019 = new(2019, 1, 1);

    /// <summary>Jianshi County's 2019 battle plan (seed 000), read as written: projects whose construction
    /// started before 2019 (2019年以前启动的项目) complete by 30 June; projects not started before 2019 (2019年新启动的项目,
    /// of plan years up to 2019) start by 31 March and complete by 30 September; drinking-water safety works
    /// complete by the end of September.</summary>
    public static readonly IReadOnlyList<DeadlineRule> Plan2019 =
    [
        new() { Id = "2019-continuing-completion", Description = "2019年以前启动的项目6月30日前完工 — projects started before 2019 complete by 30 June 2019",
            StartedBefore = Year2019, Kind = DeadlineKind.Completion, Due = new DateOnly(2019, 6, 30) },
        new() { Id = "2019-new-start", Description = "2019年新启动的项目3月31日前开工 — projects not started before 2019 start by 31 March 2019",
            PlanYearTo = 2019, NotStartedBefore = Year2019, Kind = DeadlineKind.Start, Due = new DateOnly(2019, 3, 31) },
        new() { Id = "2019-new-completion", Description = "2019年新启动的项目9月30日前完工 — projects not started before 2019 complete by 30 September 2019",
            PlanYearTo = 2019, NotStartedBefore = Year2019, Kind = DeadlineKind.Completion, Due = new DateOnly(2019, 9, 30) },
        new() { Id = "2019-drinking-water", Description = "饮水安全工程9月底前全面完成 — drinking-water safety works complete by 30 September 2019",
            PlanYearTo = 2019, Categories = ["drinking-water"], Kind = DeadlineKind.Completion, Due = new DateOnly(2019, 9, 30) },
    ];

    public static readonly DeadlinePolicy Default = new(Plan2019);

    /// <summary>The rules that apply to a project of this plan year and category, started on <paramref name="startedOn"/>
    /// (null: not started as far as is known). The 2019 plan's rules skip industry projects unless
    /// <see cref="IndustryProjects"/> (county policy) applies them.</summary>
    public IEnumerable<DeadlineRule> For(int planYear, string category, DateOnly? startedOn)
        => Rules.Where(r => r.AppliesTo(planYear, category, startedOn)
                            && (IndustryProjects || !Plan2019.Contains(r) || ProjectCategories.Find(category)?.Kind != ProjectKind.Industry));
}
