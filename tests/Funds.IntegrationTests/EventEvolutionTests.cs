using Funds.Api.Hosting;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using Funds.IntegrationTests.Infrastructure;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Money = Funds.Projections.Money;
using Npgsql;
using Weasel.Core;

namespace Funds.IntegrationTests;

/// <summary>Events that change shape (an upcaster) and read models that change (a versioned projection rebuilt beside the live one).</summary>
public class EventEvolutionTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task income_distributions_stored_as_version_1_read_as_version_2_and_history_is_untouched()
    {
        var p = Projects(UniqueName("茅田乡"));
        var project = await p.Register(p.Registration(kind: "Industry", category: "cooperative"));
        var by = new Actor("test-township-hq", Roles.TownshipHq, p.Township);
        var recorded = new DateTimeOffset(2019, 12, 2, 9, 0, 0, ChinaTime.Offset);

        // an event written by the previous version of the code, in its shape and under its type name
        using (var previous = PreviousDeployment())
        {
            await using var session = previous.LightweightSession(FundsApp.County);
            session.Events.Append(project, new IncomeDistributedV1(project, "2019年度", 12_345.60m, 41, 3_000m, new DateOnly(2019, 12, 1), by, recorded));
            await session.SaveChangesAsync();
        }
        // the previous store projected nothing: this version brings the project's read model up to date at once (other tests compare read models with a rebuild)
        await App.Store.Advanced.RebuildSingleStreamAsync<Project>(project, FundsApp.County);

        // this version reads it as version 2: in the stream, in the fold, and in the audit history
        await using (var query = App.Store.QuerySession(FundsApp.County))
        {
            var stored = (await query.Events.FetchStreamAsync(project)).Last();
            Assert.Equal("income_distributed", stored.EventTypeName);
            var v2 = Assert.IsType<IncomeDistributed>(stored.Data);
            Assert.Equal(new HouseholdsTotal(12_345.60m, 41), v2.Households);
            Assert.Equal((3_000m, new DateOnly(2019, 12, 1), by), (v2.CollectiveAmount, v2.DistributedOn, v2.By));
            var folded = await query.Events.AggregateStreamAsync<Project>(project);
            Assert.Equal((12_345.60m, 3_000m, 1), (folded!.IncomeToHouseholds, folded.IncomeToCollective, folded.IncomeDistributions));
        }
        var history = Json(await Get($"/api/projects/{project}/history"))["items"]!.AsArray();
        var data = history[^1]!["data"]!.AsObject();
        Assert.Equal(12_345.60m, (decimal)data["households"]!["amount"]!);
        Assert.Equal(41, (int)data["households"]!["count"]!);
        Assert.False(data.ContainsKey("householdAmount"));

        // a new distribution is stored as version 2, under its own name; the stored version 1 is unchanged, so the chain holds
        await using (var session = App.Store.LightweightSession(FundsApp.County))
        {
            session.Events.Append(project, new IncomeDistributed(project, "2020年度", new HouseholdsTotal(100m, 2), 50m, new DateOnly(2019, 12, 20), by, recorded.AddDays(19)));
            await session.SaveChangesAsync();
        }
        await App.Store.Advanced.RebuildSingleStreamAsync<Project>(project, FundsApp.County);
        await using (var query = App.Store.QuerySession(FundsApp.County))
            Assert.Equal((12_445.60m, 2), ((await query.LoadAsync<Project>(project))!.IncomeToHouseholds, (await query.LoadAsync<Project>(project))!.IncomeDistributions));
        Assert.Equal(["project_registered", "income_distributed", "income_distributed_v2"], await StoredTypes(project));
        Assert.Contains("\"householdAmount\": 12345.60", await StoredData(project, "income_distributed"));
        Assert.True((bool)Json(await Get($"/api/projects/{project}/integrity"))["intact"]!);
    }

    [Fact]
    public async Task a_new_version_of_the_money_trail_is_built_beside_the_live_one()
    {
        var schema = "evolution_" + Guid.NewGuid().ToString("N")[..10];
        var tenancy = new TenancyOptions { Counties = [new CountyOptions { Code = FundsApp.County, Name = "建始县" }] };
        var ct = TestContext.Current.CancellationToken;
        try
        {
            // the live deployment runs version 1 of the trail: its rows in mt_doc_fundmovement, its progress "…FundMovementProjection:All"
            using IDocumentStore live = DocumentStore.For(o =>
            {
                FundsStore.Configure(o, App.ConnectionString, tenancy, schema);
                o.Projections.All.OfType<Money.FundMovementProjection>().Single().Version = 1;
            });
            await live.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var (source, project) = (Guid.NewGuid(), Guid.NewGuid());
            await Pay(live, source, project, 1_000m, DisbursementKind.Progress);
            using (var daemon = await live.BuildProjectionDaemonAsync())
            {
                await daemon.StartAllAsync();
                await live.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
                await daemon.StopAllAsync();
            }
            Assert.Equal([$"{Shard}:All"], ProjectionProgress.CurrentShards(live).Where(s => s.StartsWith(Shard)));

            // version 2 is deployed beside it: a table and a shard of its own, built from the first event, while version 1 still answers
            using IDocumentStore next = DocumentStore.For(o => FundsStore.Configure(o, App.ConnectionString, tenancy, schema));
            await next.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            Assert.Equal([$"{Shard}:V2:All"], ProjectionProgress.CurrentShards(next).Where(s => s.StartsWith(Shard)));
            Assert.Empty(await Rows(next));
            var before = (await Rows(live)).OrderBy(r => r.Sequence).ToList();
            Assert.Equal(2, before.Count);

            using var liveDaemon = await live.BuildProjectionDaemonAsync();
            using var nextDaemon = await next.BuildProjectionDaemonAsync();
            await liveDaemon.StartAllAsync();
            await nextDaemon.StartAllAsync();
            await next.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            var rebuilt = await Rows(next);
            Assert.Equal([null, DisbursementKind.Progress], rebuilt.OrderBy(r => r.Sequence).Select(r => r.PaymentKind));

            // both follow new events until version 1 is retired; each answers in its own shape
            await Pay(live, source, project, 500m, DisbursementKind.Final);
            await live.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            await next.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(4, (await Rows(live)).Count);
            Assert.Equal(before, (await Rows(live)).OrderBy(r => r.Sequence).Take(2)); // building version 2 left version 1's rows alone
            Assert.Equal([null, DisbursementKind.Progress, null, DisbursementKind.Final], (await Rows(next)).OrderBy(r => r.Sequence).Select(r => r.PaymentKind));
            await using var conn = new NpgsqlConnection(App.ConnectionString);
            await conn.OpenAsync(ct);
            var progress = await ProjectionProgress.ReadAsync(next, conn, ct);
            Assert.Equal(progress[$"{Shard}:All"], progress[$"{Shard}:V2:All"]);
            await liveDaemon.StopAllAsync();
            await nextDaemon.StopAllAsync();
        }
        finally
        {
            await using var conn = new NpgsqlConnection(App.ConnectionString);
            await conn.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", conn);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    private const string Shard = "Funds.Projections.Money.FundMovementProjection";

    private static async Task<IReadOnlyList<Money.FundMovement>> Rows(IDocumentStore store)
    {
        await using var query = store.QuerySession(FundsApp.County);
        return await query.Query<Money.FundMovement>().ToListAsync();
    }

    private static async Task Pay(IDocumentStore store, Guid source, Guid project, decimal amount, DisbursementKind kind)
    {
        var by = new Actor("caiwu-li", Roles.Finance);
        var at = new DateTimeOffset(2019, 4, 1, 10, 0, 0, ChinaTime.Offset);
        var sourceRef = new SourceRef(source, "2019年中央财政专项扶贫资金", FundSourceKind.SpecialPovertyFund, 2019);
        var projectRef = new ProjectRef(project, "黄坪村通组公路硬化", "官店镇", "黄坪村", "road", 2019);
        await using var session = store.LightweightSession(FundsApp.County);
        session.Events.Append(source, new FundsAllocated(source, Guid.NewGuid(), sourceRef, projectRef, amount, "建财预〔2019〕8号", new DateOnly(2019, 2, 10), by, at));
        session.Events.Append(project, new FundsDisbursed(project, Guid.NewGuid(), sourceRef, projectRef, amount, kind,
            new Payee("恩施州路桥建设有限公司", "91422822MA4955XK21"), null, "JSCZ-" + Guid.NewGuid().ToString("N")[..8], new DateOnly(2019, 4, 1), by, at));
        await session.SaveChangesAsync();
    }

    /// <summary>The store as the code before version 2 configured it: the same tables, IncomeDistributed in its old shape.</summary>
    private DocumentStore PreviousDeployment() => DocumentStore.For(o =>
    {
        o.Connection(App.ConnectionString);
        o.DatabaseSchemaName = FundsStore.Schema;
        o.AutoCreateSchemaObjects = AutoCreate.None;
        o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        o.Events.StreamIdentity = StreamIdentity.AsGuid;
        o.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        o.Policies.AllDocumentsAreMultiTenanted();
        o.Events.MetadataConfig.CorrelationIdEnabled = true;
        o.Events.MetadataConfig.CausationIdEnabled = true;
        o.Events.MetadataConfig.UserNameEnabled = true;
        o.Events.MetadataConfig.HeadersEnabled = true;
        o.Events.MapEventType<IncomeDistributedV1>("income_distributed");
    });

    private async Task<List<string>> StoredTypes(Guid stream)
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select type from {FundsStore.Schema}.mt_events where stream_id = @id order by version", conn);
        cmd.Parameters.AddWithValue("id", stream);
        var types = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) types.Add(reader.GetString(0));
        return types;
    }

    private async Task<string> StoredData(Guid stream, string type)
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select data::text from {FundsStore.Schema}.mt_events where stream_id = @id and type = @type", conn);
        cmd.Parameters.AddWithValue("id", stream);
        cmd.Parameters.AddWithValue("type", type);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
