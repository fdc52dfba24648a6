namespace Funds.Api.Households;

public static class ChangeHouseholdStatusEndpoint
{
    /// <summary>Change a household's status on the register (e.g. exited 脱贫, monitored; not poor) from a date, with a
    /// reason. The date may lie before today (a change recorded late) but not before the household's last change.</summary>
    [WolverinePost("/api/households/{id}/status", OperationId = "ChangeHouseholdStatus")]
    public static (HouseholdDetails, Events) Post(ChangeHouseholdStatus command, [Locked] Household household, DecisionContext ctx)
        => HouseholdDetails.Decided(household, ctx.By, HouseholdDecider.ChangeStatus(command, household, ctx));
}

public static class IssueLoanEndpoint
{
    public static async Task<Project?> LoadAsync(IssueLoan command, IDocumentSession session, CancellationToken ct)
        => command.ProjectId is { } id ? await session.LoadAsync<Project>(id, ct) : null;

    /// <summary>Record a poverty micro-credit loan (扶贫小额信贷) issued by a bank to the household: bank, contract number,
    /// amount and term (at most county policy <c>MaxLoanAmount</c>, <c>MaxLoanTermMonths</c>), purpose, and the industry
    /// project it goes into, if any. Only to a poor (or exited, monitored) household with no loan overdue.</summary>
    [WolverinePost("/api/households/{id}/loans", OperationId = "IssueLoan")]
    public static (HouseholdDetails, Events) Post(IssueLoan command, [Locked] Household household, Project? project, DecisionContext ctx)
        => HouseholdDetails.Decided(household, ctx.By, HouseholdDecider.Issue(Guid.CreateVersion7(), command, household, project, ctx));
}

public static class RepayLoanEndpoint
{
    /// <summary>Record a repayment of one of the household's loans (not more than is outstanding).</summary>
    [WolverinePost("/api/households/{id}/loan-repayments", OperationId = "RepayLoan")]
    public static (HouseholdDetails, Events) Post(RepayLoan command, [Locked] Household household, DecisionContext ctx)
        => HouseholdDetails.Decided(household, ctx.By, HouseholdDecider.Repay(command, household, ctx));
}

public static class ExtendLoanEndpoint
{
    /// <summary>Record an extension (展期) of a loan to a later due date, before it falls due (at most county policy
    /// <c>MaxLoanExtensions</c> times).</summary>
    [WolverinePost("/api/households/{id}/loan-extensions", OperationId = "ExtendLoan")]
    public static (HouseholdDetails, Events) Post(ExtendLoan command, [Locked] Household household, DecisionContext ctx)
        => HouseholdDetails.Decided(household, ctx.By, HouseholdDecider.Extend(command, household, ctx));
}

public static class ReportLoanOverdueEndpoint
{
    /// <summary>Record that the bank reported a loan overdue (逾期): after its due date, with money outstanding.</summary>
    [WolverinePost("/api/households/{id}/loan-overdue-reports", OperationId = "ReportLoanOverdue")]
    public static (HouseholdDetails, Events) Post(ReportLoanOverdue command, [Locked] Household household, DecisionContext ctx)
        => HouseholdDetails.Decided(household, ctx.By, HouseholdDecider.ReportOverdue(command, household, ctx));
}
