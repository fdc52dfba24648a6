namespace Funds.Domain.Villages;

/// <summary>What a payout of the village poverty fund (村扶贫基金) pays for.</summary>
public enum VillageFundPurpose
{
    /// <summary>Wages of public-welfare jobs (公益岗位) for poor households.</summary>
    PublicWelfareJobs = 1,
    /// <summary>Small public works of the village (小型公益事业).</summary>
    SmallWorks = 2,
    /// <summary>Temporary relief of a household in difficulty (临时救助).</summary>
    Relief = 3,
}
