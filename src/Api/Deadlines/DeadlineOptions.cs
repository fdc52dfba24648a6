using Funds.Domain.Deadlines;

namespace Funds.Api.Deadlines;

/// <summary>Bound from "Funds:Deadlines": the seed's 2019 plan is always in force; these add to it.</summary>
public sealed record DeadlineOptions
{
    /// <summary>How close to its due date an unmet deadline counts as at risk (county policy; the seeds state no window).</summary>
    public int AtRiskDays { get; init; } = 30;
    /// <summary>Whether the 2019 plan's deadlines, which the seed states for infrastructure short-board projects, also
    /// apply to industry projects (county policy, default true).</summary>
    public bool IndustryProjects { get; init; } = true;
    /// <summary>Rules added to the seed's 2019 plan, e.g. for later years.</summary>
    public List<DeadlineRule> Rules { get; init; } = [];
    /// <summary>How often the escalation scan runs; it also runs at start-up.</summary>
    public int ScanMinutes { get; init; } = 60;
}
