using Funds.Domain.Funds;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Funds.Projections.Funds;

/// <summary>What a payee (收款单位) received in total, keyed by credit code. Its lines (the payee trail)
/// are the payee's FundMovement rows.</summary>
public sealed record PayeeLedger
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public decimal Received { get; init; }
    public int Payments { get; init; }
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
        return s with { Name = d.Payee.Name, Received = s.Received + d.Amount, Payments = s.Payments + 1 };
    }
}
