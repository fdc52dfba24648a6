namespace Funds.Domain.Common;

public static class MicroCredit
{
    /// <summary>Micro-credit (扶贫小额信贷) is credit from banks to households, not a project fund paid to builders: the
    /// legacy kind FundSourceKind.MicroCredit is refused for new sources, allocations and payments.</summary>
    public static RuleViolation IsHouseholdLoans() => RuleViolation.Unprocessable("micro-credit-is-household-loans",
        "Poverty micro-credit is lent by banks to households: record it as household loans (POST /api/households/{id}/loans), and pay its "
        + "interest subsidy (贴息) from a fund source (POST /api/fund-sources/{id}/interest-subsidies). A source of the legacy kind MicroCredit "
        + "can no longer be registered, allocated to projects or pay builders.");
}
