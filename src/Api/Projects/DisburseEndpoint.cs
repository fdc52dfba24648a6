namespace Funds.Api.Projects;

public static class DisburseEndpoint
{
    /// <summary>Read after the project is locked, in one round trip: the source cannot reduce its allocation to this
    /// project meanwhile (a reduction locks the project too).</summary>
    public static async Task<PaymentCheck> LoadAsync(DisburseFunds command, Project project, IDocumentSession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var source = command.FundSourceId is { } id ? batch.Load<FundSource>(id) : null;
        var voucher = FieldErrors.IsText(command.VoucherNo, ProjectDecider.VoucherMaxLength)
            ? batch.Load<UniqueKey>(UniqueKey.Voucher(command.VoucherNo!.Trim())) : null;
        if (source is not null || voucher is not null) await batch.Execute(ct);
        return new PaymentCheck(source is null ? null : (await source)?.ForPayment(project.Id), voucher is not null && await voucher is not null);
    }

    /// <summary>Pay a tranche (拨付) for the project from one fund source to a payee (the builder of record
    /// unless another payee and a reason are given), under a voucher number unique in the county. Per source
    /// the payment must fit what the source allocated to this project less what was paid from it; per project
    /// the contract (or settled) amount; before the village committee's sign-off progress payments are capped
    /// at a share of the contract (county policy, default 70 %), and the final payment waits for the sign-off.
    /// <para>Payments to one project queue on its lock; payments to different projects from one source do not
    /// wait for each other. A reduction of an allocation locks the project it concerns, so no payment can draw
    /// on money being taken back.</para></summary>
    [WolverinePost("/api/projects/{id}/disbursements", OperationId = "DisburseFunds")]
    public static (ProjectDetails, Events, IMartenOp) Post(DisburseFunds command, [Locked] Project project, PaymentCheck check, DecisionContext ctx)
    {
        var paid = ProjectDecider.Disburse(Guid.CreateVersion7(), command, project, check.Source, check.VoucherInUse, ctx);
        var (details, events) = ProjectDetails.Decided(project, paid);
        return (details, events, MartenOps.Insert(UniqueKey.For(UniqueKey.Voucher(paid.VoucherNo), paid.DisbursementId)));
    }
}
