using Funds.Domain.Projects;

namespace Funds.Domain.Deadlines;

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
    /// <summary>Applies only to projects whose construction actually started before this date; null = any.</summary>
    public DateOnly? StartedBefore { get; init; }
    /// <summary>Applies only to projects not started before this date (not started yet, or started on or after it); null = any.</summary>
    public DateOnly? NotStartedBefore { get; init; }
    public DeadlineKind Kind { get; init; }
    public DateOnly Due { get; init; }

    /// <summary>Whether the rule applies to a project of this plan year and category that started on
    /// <paramref name="startedOn"/> (null: not started, as far as is known).</summary>
    public bool AppliesTo(int planYear, string category, DateOnly? startedOn = null)
        => (PlanYearFrom is null || planYear >= PlanYearFrom) && (PlanYearTo is null || planYear <= PlanYearTo)
           && (Categories.Count == 0 || Categories.Contains(category))
           && (StartedBefore is null || startedOn < StartedBefore)
           && (NotStartedBefore is null || startedOn is null || startedOn >= NotStartedBefore);
}
