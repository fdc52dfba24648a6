namespace Funds.Domain.Households;

/// <summary>A household's status on the village register (建档立卡).</summary>
public enum HouseholdStatus
{
    /// <summary>A registered poor household (贫困户).</summary>
    Poor = 1,
    /// <summary>Exited poverty (已脱贫) and still monitored (脱贫不脱政策).</summary>
    ExitedMonitored = 2,
    /// <summary>Not (or no longer) a poor household.</summary>
    NotPoor = 3,
}

/// <summary>How an industry project benefits a household (带贫方式 / 利益联结).</summary>
public enum LinkKind
{
    /// <summary>Dividends from assets or shares (资产收益 / 入股分红).</summary>
    Dividend = 1,
    /// <summary>Employment with wages (务工就业).</summary>
    Employment = 2,
    /// <summary>Land rental (土地流转租金).</summary>
    LandRental = 3,
    /// <summary>The project buys the household's produce (订单收购).</summary>
    ProducePurchase = 4,
    Other = 5,
}

/// <summary>Where a household loan (扶贫小额信贷) stands.</summary>
public enum LoanStatus { Current = 1, Extended = 2, Overdue = 3, Repaid = 4 }
