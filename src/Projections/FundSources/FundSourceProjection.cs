using Funds.Domain.FundSources;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Funds.Projections.FundSources;

/// <summary>The fund source write model, kept inline so allocations decide on current balances.</summary>
public partial class FundSourceProjection : SingleStreamProjection<FundSource, Guid>
{
    public FundSourceProjection()
    {
        IncludeType<FundSourceRegistered>();
        IncludeType<FundsReceived>();
        IncludeType<FundsAllocated>();
        IncludeType<AllocationReduced>();
        IncludeType<AllocationDrawn>();
        IncludeType<Funds.Domain.FundSources.InterestSubsidyPaid>();
    }

    public override FundSource? Evolve(FundSource? snapshot, Guid id, IEvent e)
    {
        var next = FundSource.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
