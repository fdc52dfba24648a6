using Funds.Domain.Villages;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Funds.Projections.Villages;

/// <summary>The village register entry and its poverty fund balance, inline (one stream per village).</summary>
public partial class VillageProjection : SingleStreamProjection<Village, Guid>
{
    public VillageProjection()
    {
        IncludeType<VillageRegistered>();
        IncludeType<VillageStatusChanged>();
        IncludeType<VillageFundReceived>();
        IncludeType<VillageFundPaidOut>();
    }

    public override Village? Evolve(Village? snapshot, Guid id, IEvent e)
    {
        var next = Village.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
