using Funds.Domain.Findings;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Funds.Projections.Findings;

/// <summary>The rectification ledger entry of a finding, inline (one stream per finding).</summary>
public partial class FindingProjection : SingleStreamProjection<Finding, Guid>
{
    public FindingProjection()
    {
        IncludeType<FindingRaised>();
        IncludeType<RectificationReported>();
        IncludeType<FindingClosed>();
        IncludeType<RectificationSentBack>();
        IncludeType<RectificationVerified>();
    }

    public override Finding? Evolve(Finding? snapshot, Guid id, IEvent e)
    {
        var next = Finding.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
