using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using Funds.Projections.Deadlines;
using Funds.Projections.Findings;
using Funds.Projections.FundSources;
using Funds.Projections.Money;
using Funds.Projections.Projects;
using Funds.Projections.Villages;
using Funds.Projections.Households;
using Funds.Domain.Households;
using Funds.Domain.Villages;
using JasperFx.Events.Projections;
using Marten;

namespace Funds.Projections;

/// <summary>Registers every read model with Marten.</summary>
public static class FundsProjections
{
    public static void Register(StoreOptions opts)
    {
        // Write models, one stream each, updated in the command's transaction: a read after a write sees it.
        opts.Projections.Add(new ProjectProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new FundSourceProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new ProjectTimelineProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new FindingProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Project>().Index(x => x.Township).Index(x => x.Village).Index(x => x.PlanYear);
        opts.Schema.For<ProjectTimeline>().Index(x => x.Township).Index(x => x.PlanYear);

        // The money trail folds events of many streams: asynchronous, so the command path stays short.
        opts.Projections.Add(new FundMovementProjection(), ProjectionLifecycle.Async);
        opts.Schema.For<FundMovement>()
            .Index(x => x.Township).Index(x => x.FundSourceId).Index(x => x.ProjectId).Index(x => x.BusinessDate)
            .Index(x => x.PayeeCreditCode).Index(x => x.Sequence);
        Evolution.ProjectionVersions.OwnTablePerVersion<FundMovement, FundMovementProjection>(opts);

        // The county's register of villages, with each village's poverty fund (村扶贫基金).
        opts.Projections.Add(new VillageProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Village>().Index(x => x.Township).Index(x => x.Name);

        // The household registers (建档立卡户) with their loans, inline; each household's trail, asynchronous.
        opts.Projections.Add(new HouseholdProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Household>().Index(x => x.Township).Index(x => x.Village).Index(x => x.Code);
        opts.Projections.Add(new HouseholdLineProjection(), ProjectionLifecycle.Async);
        opts.Schema.For<HouseholdLine>().Index(x => x.HouseholdId).Index(x => x.Township).Index(x => x.ProjectId).Index(x => x.Sequence);
    }
}
