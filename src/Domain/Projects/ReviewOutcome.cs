namespace Funds.Domain.Projects;

public enum ReviewOutcome
{
    /// <summary>Operating normally.</summary>
    Healthy = 1,
    /// <summary>Weak: needs a rectification plan.</summary>
    Weak = 2,
    /// <summary>Idle or dormant: needs a revival measure (capital injection, asset shares, cooperative operation).</summary>
    Idle = 3,
}
