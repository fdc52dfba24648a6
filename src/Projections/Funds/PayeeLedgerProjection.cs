using Funds.Domain.Funds;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Funds.Projections.Funds;

/// <summary>What a payee (收款单位) received, from which projects and sources. Keyed by credit code.</summary>
public sealed record PayeeLedger
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public decimal Received { get; init; }
    public IReadOnlyList<FundingEntry> Entries { get; init; } = [];
}

public partial class PayeeLedgerProjection : MultiStreamProjection<PayeeLedger, string>
{
    public PayeeLedgerProjection()
    {
        Identity<FundsDisbursed>(e => e.Payee.CreditCode);
    }

    public override PayeeLedger? Evolve(PayeeLedger? snapshot, string id, IEvent e)
    {
        if (e.Data is not FundsDisbursed d) return snapshot;
        var s = snapshot ?? new PayeeLedger { Id = id };
        var received = s.Received + d.Amount;
        var entry = new FundingEntry(e.Sequence, FundingEntryType.Disbursement, d.Source.FundSourceId, d.Source.Name, d.ProjectId, d.Project.Name,
            d.Amount, d.Payee.Name, d.Payee.CreditCode, d.VoucherNo, null, d.PayeeReason, d.PaidOn, d.RecordedAt, d.By, 0m, 0m, received);
        return s with { Name = d.Payee.Name, Received = received, Entries = [.. s.Entries, entry] };
    }
}
