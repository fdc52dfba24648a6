namespace Funds.Domain.Villages;

/// <summary>A village's poverty status (贫困村 / 计划出列 / 已出列 / 非贫困村).</summary>
public enum VillageStatus
{
    /// <summary>A registered poor village (建档立卡贫困村).</summary>
    Poor = 1,
    /// <summary>A poor village planned to exit (出列) in <c>exitYear</c>.</summary>
    Exiting = 2,
    /// <summary>Exited poverty (已出列), still followed.</summary>
    Exited = 3,
    /// <summary>A village that was never a poor village (非贫困村).</summary>
    NonPoor = 4,
}
