using Funds.Api.Admin;
using Funds.IntegrationTests.Infrastructure;
using Funds.Projections.Money;
using Marten;

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
        var (project, source) = await Funds.FundedProject(p, received: 50_000m);
        await Funds.Disburse(project, source, 20_000m);
        await Projected();
        Assert.True((await Reconciliation.RunAsync(App.Store, FundsApp.County, default)).Consistent);

        FundMovement original;
        await using (var session = App.Store.LightweightSession(FundsApp.County))
        {
            original = await session.Query<FundMovement>().SingleAsync(m => m.ProjectId == project && m.Type == FundingEntryType.Disbursement);
            session.Store(original with { Disbursed = original.Disbursed + 0.01m });
            await session.SaveChangesAsync();
        }

        try
        {
            var result = await Reconciliation.RunAsync(App.Store, FundsApp.County, default);
            Assert.False(result.Consistent);
            Assert.Contains(result.Differences, d => (d.Model, d.Key, d.Field, d.FromEvents, d.InModel) ==
                ("FundMovement", project.ToString(), "disbursed to project", 20_000m, 20_000.01m));
        }
        finally
        {
            await using var session = App.Store.LightweightSession(FundsApp.County);
            session.Store(original);
            await session.SaveChangesAsync();
        }
    }
}
