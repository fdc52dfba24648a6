using Funds.Domain.Households;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Funds.Projections.Households;

/// <summary>The household register entry with its loans, inline (one stream per household).</summary>
public partial class HouseholdProjection : SingleStreamProjection<Household, Guid>
{
    public HouseholdProjection()
    {
        IncludeType<HouseholdRegistered>();
        IncludeType<HouseholdStatusChanged>();
        IncludeType<LoanIssued>();
        IncludeType<LoanRepaid>();
        IncludeType<LoanExtended>();
        IncludeType<LoanOverdue>();
    }

    public override Household? Evolve(Household? snapshot, Guid id, IEvent e)
    {
        var next = Household.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
