using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using Funds.Projections.Deadlines;
using Funds.Projections.Findings;
using Funds.Projections.FundSources;
using Funds.Projections.Money;
using Funds.Projections.Projects;
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
    }
}
