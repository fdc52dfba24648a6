namespace Funds.Domain.Policy;

/// <summary>Where a rule comes from: stated in the seeds (Jianshi County's 2019 plan, Zaozhuang's report),
/// or a county's own configurable choice.</summary>
public enum RuleSource
{
    /// <summary>Stated in the source documents; not configurable.</summary>
    Seed = 1,
    /// <summary>County policy: a configurable default the seeds do not state.</summary>
    Configurable = 2,
    /// <summary>A control Funds keeps on top of a seed fact (not stated in the seeds, not configurable).</summary>
    Control = 3,
}
