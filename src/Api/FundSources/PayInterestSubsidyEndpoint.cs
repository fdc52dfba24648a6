namespace Funds.Api.FundSources;

/// <summary>What an interest subsidy is decided on.</summary>
public sealed record SubsidyCheck(Household? Household, bool PeriodPaid, bool VoucherInUse, PaidFromSource Paid);

public static class PayInterestSubsidyEndpoint
{
    public static string PeriodKey(Guid loanId, string period) => $"subsidy:{loanId}/{period}";

    public static async Task<SubsidyCheck> LoadAsync(PayInterestSubsidy command, FundSource source, IDocumentSession session, CancellationToken ct)
    {
        var household = command.HouseholdId is { } id ? await session.LoadAsync<Household>(id, ct) : null;
        var periodPaid = command.LoanId is { } loan && FieldErrors.IsText(command.Period, 50)
                         && await session.LoadAsync<UniqueKey>(PeriodKey(loan, command.Period!.Trim()), ct) is not null;
        var voucherInUse = FieldErrors.IsText(command.VoucherNo, ProjectDecider.VoucherMaxLength)
                           && await session.LoadAsync<UniqueKey>(UniqueKey.Voucher(command.VoucherNo!.Trim()), ct) is not null;
        return new SubsidyCheck(household, periodPaid, voucherInUse, await PaidFromSource.ForAsync(session, source, ct));
    }

    /// <summary>Pay the interest subsidy (贴息) of a household's poverty micro-credit loan for a period from this source,
    /// under a voucher number unique in the county: from what the source received and has not allocated, once per loan
    /// and period.</summary>
    [WolverinePost("/api/fund-sources/{id}/interest-subsidies", OperationId = "PayInterestSubsidy")]
    public static (FundSourceDetails, Events, IMartenOp) Post(PayInterestSubsidy command, [Locked] FundSource source, SubsidyCheck check, DecisionContext ctx)
    {
        var paid = FundSourceDecider.PaySubsidy(Guid.CreateVersion7(), command, source, check.Household, check.PeriodPaid, check.VoucherInUse, ctx);
        var (details, events) = FundSourceDetails.Decided(source, check.Paid, paid);
        return (details, events, MartenOps.InsertObjects([
            UniqueKey.For(PeriodKey(paid.LoanId, paid.Period), paid.SubsidyId), UniqueKey.For(UniqueKey.Voucher(paid.VoucherNo), paid.SubsidyId)]));
    }
}
