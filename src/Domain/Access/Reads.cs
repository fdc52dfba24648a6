namespace Funds.Domain.Access;

/// <summary>Names of what can be read; <see cref="Permissions"/> says who may read each. Rows are further
/// limited to the reader's reach (a township HQ sees its township, a village role its village).</summary>
public static class Reads
{
    public const string Projects = "projects";
    public const string Deadlines = "deadlines";
    public const string Findings = "findings";
    public const string FundSources = "fund-sources";
    public const string Payees = "payees";
    public const string Reports = "reports";
    public const string History = "history";
    public const string Operations = "operations";
    public const string Province = "province";
    /// <summary>What anyone may read without a token: the village notice board (村务公开).</summary>
    public const string Public = "public";
    public const string Policy = "policy";
    public const string PaymentExceptions = "payment-exceptions";
    public const string Assets = "assets";
    public const string Villages = "villages";
    public const string Households = "households";
    public const string HouseholdAudit = "household-audit";
}
