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
using Marten.Events.Projections;

namespace Funds.Projections;

/// <summary>Registers every read model with Marten.</summary>
public static class FundsProjections
{
    /// <summary>The one projection a store opened for a rebuild runs: every read model as a member, so a rebuild
    /// reads the store once (docs/benchmarks.md).</summary>
    public const string AllReadModels = "ReadModels";

    /// <summary>With <c>forRebuild</c>, every read model is a member of <see cref="AllReadModels"/> instead of having its
    /// live lifecycle; members write the same tables and progress rows as the live projections.</summary>
    public static void Register(StoreOptions opts, bool forRebuild = false)
    {
        var members = new List<IProjectionSource<IDocumentOperations, IQuerySession>>();
        void Add(IProjectionSource<IDocumentOperations, IQuerySession> projection, ProjectionLifecycle lifecycle)
        {
            if (forRebuild) members.Add(projection);
            else opts.Projections.Add(projection, lifecycle);
        }

        // Write models, one stream each, updated in the command's transaction: a read after a write sees it.
        Add(new ProjectProjection(), ProjectionLifecycle.Inline);
        Add(new FundSourceProjection(), ProjectionLifecycle.Inline);
        Add(new ProjectTimelineProjection(), ProjectionLifecycle.Inline);
        Add(new FindingProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Project>().Index(x => x.Township).Index(x => x.Village).Index(x => x.PlanYear);
        opts.Schema.For<ProjectTimeline>().Index(x => x.Township).Index(x => x.PlanYear);

        // The money trail folds events of many streams: asynchronous, so the command path stays short.
        var fundMovement = new FundMovementProjection();
        Add(fundMovement, ProjectionLifecycle.Async);
        opts.Schema.For<FundMovement>()
            .Index(x => x.Township).Index(x => x.FundSourceId).Index(x => x.ProjectId).Index(x => x.BusinessDate)
            .Index(x => x.PayeeCreditCode).Index(x => x.Sequence);
        Evolution.ProjectionVersions.OwnTablePerVersion<FundMovement>(opts, () => fundMovement.Version);

        // The county's register of villages, with each village's poverty fund (村扶贫基金).
        Add(new VillageProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Village>().Index(x => x.Township).Index(x => x.Name);

        // The household registers (建档立卡户) with their loans, inline; each household's trail, asynchronous.
        Add(new HouseholdProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Household>().Index(x => x.Township).Index(x => x.Village).Index(x => x.Code);
        Add(new HouseholdLineProjection(), ProjectionLifecycle.Async);
        opts.Schema.For<HouseholdLine>().Index(x => x.HouseholdId).Index(x => x.Township).Index(x => x.ProjectId).Index(x => x.Sequence);

        if (!forRebuild) return;
        opts.Projections.CompositeProjectionFor(AllReadModels, c =>
        {
            // Pages of 5,000 events instead of 500: the pass loads, applies and commits page by page, in turn.
            c.Options.BatchSize = 5_000;
            foreach (var member in members) c.Add(member);
        });
        // A composite gives its members its own version; the money trail's version names its table and shard.
        fundMovement.Version = FundMovementProjection.CurrentVersion;
    }
}
