using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using Funds.Projections.Deadlines;
using Funds.Projections.Funds;
using Funds.Projections.Projects;
using JasperFx.Events.Projections;
using Marten;

namespace Funds.Projections;

/// <summary>Registers every read model with Marten. Api wiring and tests share this.</summary>
public static class FundsProjections
{
    public static void Register(StoreOptions opts)
    {
        // Write models: one stream each, updated in the command's transaction.
        opts.Projections.Add(new ProjectProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new FundSourceProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new ProjectTimelineProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new FindingProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<ProjectTimeline>().Index(x => x.Township).Index(x => x.PlanYear);

        // Read models folding many streams: asynchronous (the daemon applies events in order, so
        // concurrent writers never overwrite each other's lines).
        opts.Projections.Add(new ProjectFundingProjection(), ProjectionLifecycle.Async);
        opts.Projections.Add(new FundSourceLedgerProjection(), ProjectionLifecycle.Async);
        opts.Projections.Add(new PayeeLedgerProjection(), ProjectionLifecycle.Async);
        opts.Projections.Add(new FundMovementProjection(), ProjectionLifecycle.Async);
        opts.Schema.For<FundMovement>()
            .Index(x => x.Township).Index(x => x.FundSourceId).Index(x => x.ProjectId).Index(x => x.BusinessDate)
            .Index(x => x.PayeeCreditCode).Index(x => x.Sequence);
        opts.Schema.For<Project>()
            .Index(x => x.Township)
            .Index(x => x.Village)
            .Index(x => x.PlanYear);
    }
}
