using Funds.Api.Admin;
using Funds.IntegrationTests.Infrastructure;
using Funds.Projections.Funds;

namespace Funds.IntegrationTests;

[CollectionDefinition(nameof(Serial), DisableParallelization = true)]
public sealed class Serial;

/// <summary>Runs alone: it damages a read model on purpose to show reconciliation notices.</summary>
[Collection(nameof(Serial))]
public class ReconciliationTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_read_model_off_by_one_fen_is_reported()
    {
        var p = Projects(UniqueName("三里乡"));
        var project = await p.RegisteredAndApproved();
        await p.SelectBuilder(project);
        var source = await Funds.Source(received: 50_000m);
        await Funds.Allocate(source, project, 50_000m);
        await Funds.Disburse(project, source, 20_000m);
        await Projected();
        Assert.True((await Reconciliation.RunAsync(App.Store, default)).Consistent);

        ProjectFunding original;
        await using (var session = App.Store.LightweightSession())
        {
            original = (await session.LoadAsync<ProjectFunding>(project))!;
            session.Store(original with { Disbursed = original.Disbursed + 0.01m });
            await session.SaveChangesAsync();
        }

        try
        {
            var result = await Reconciliation.RunAsync(App.Store, default);
            Assert.False(result.Consistent);
            var difference = Assert.Single(result.Differences);
            Assert.Equal(("ProjectFunding", project.ToString(), "disbursed", 20_000m, 20_000.01m),
                (difference.Model, difference.Key, difference.Field, difference.FromEvents, difference.InModel));
        }
        finally
        {
            await using var session = App.Store.LightweightSession();
            session.Store(original);
            await session.SaveChangesAsync();
        }
    }
}
