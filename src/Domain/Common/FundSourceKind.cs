namespace Funds.Domain.Common;

public enum FundSourceKind
{
    /// <summary>Central and provincial special poverty funds (财政专项扶贫资金).</summary>
    SpecialPovertyFund = 1,
    /// <summary>Integrated agriculture-related funds (统筹整合涉农资金).</summary>
    IntegratedAgriculturalFund = 2,
    /// <summary>County own fiscal input (本级财政).</summary>
    CountyFiscal = 3,
    /// <summary>East–West poverty cooperation funds (东西部扶贫协作).</summary>
    EastWestCooperation = 4,
    /// <summary>Legacy: poverty micro-credit (扶贫小额信贷) modelled as a project fund. Micro-credit is credit to
    /// households (household loans); sources of this kind stay readable, can pay interest subsidies (贴息),
    /// but are refused for new registrations, allocations and payments (rule <c>micro-credit-is-household-loans</c>).</summary>
    MicroCredit = 5,
    /// <summary>Social funds (社会资金).</summary>
    Social = 6,
}
