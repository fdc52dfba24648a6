namespace Funds.Domain.FundSources;

public enum AllocationChange
{
    /// <summary>The allocation was lowered (调减).</summary>
    Reduced = 1,
    /// <summary>Unspent allocation taken back to the source (收回).</summary>
    Reclaimed = 2,
}
