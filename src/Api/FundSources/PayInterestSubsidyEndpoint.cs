namespace Funds.Api.FundSources;

/// <summary>What an interest subsidy is decided on.</summary>
public sealed record SubsidyCheck(Household? Household, bool PeriodPaid, bool VoucherInUse, PaidFromSource Paid);

public static class PayInterestSubsidyEndpoint
{
    public static async Task<SubsidyCheck> LoadAsync(PayInterestSubsidy command, FundSource source, IDocumentSession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var household = command.HouseholdId is { } id ? batch.Load<Household>(id) : null;
        var period = command.LoanId is { } loan && FieldErrors.IsText(command.Period, 50) ? batch.Load<UniqueKey>(UniqueKey.Subsidy(loan, command.Period!.Trim())) : null;
        var voucher = FieldErrors.IsText(command.VoucherNo, ProjectDecider.VoucherMaxLength) ? batch.Load<UniqueKey>(UniqueKey.Voucher(command.VoucherNo!.Trim())) : null;
        if (household is not null || period is not null || voucher is not null) await batch.Execute(ct);
        return new SubsidyCheck(household is null ? null : await household, period is not null && await period is not null,
            voucher is not null && await voucher is not null, await PaidFromSource.ForAsync(session, source, ct));
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
            UniqueKey.For(UniqueKey.Subsidy(paid.LoanId, paid.Period), paid.SubsidyId), UniqueKey.For(UniqueKey.Voucher(paid.VoucherNo), paid.SubsidyId)]));
    }
}
