using Funds.Domain.Projects;
using Funds.Projections.Projects;
using JasperFx.Events.Projections;
using Marten;

namespace Funds.Projections;

/// <summary>Registers every read model with Marten. Api wiring and tests share this.</summary>
public static class FundsProjections
{
    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add(new ProjectProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Project>()
            .Index(x => x.Township)
            .Index(x => x.Village)
            .Index(x => x.PlanYear);
    }
}
