using Alba;
using Funds.Api.Admin;
using Funds.Api.Audit;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Funds.IntegrationTests.Infrastructure;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;
using Wolverine;

namespace Funds.IntegrationTests;

/// <summary>A database written by Funds before counties were tenants keeps working: its records become the
/// configured legacy county's at the first start-up.</summary>
public class LegacyDatabaseTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_database_from_before_tenancy_becomes_the_legacy_county()
    {
        var database = "funds_legacy_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(App.ConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", conn);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Database = database }.ConnectionString;

        // The store as the API configured it before tenancy: no tenant_id anywhere.
        var id = Guid.NewGuid();
        var hq = new Actor("hq", Roles.TownshipHq, "官店镇");
        using (var legacy = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = "funds";
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.MetadataConfig.HeadersEnabled = true;
            opts.Projections.Add(new Funds.Projections.Projects.ProjectProjection(), ProjectionLifecycle.Inline);
        }))
        {
            await legacy.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using var session = legacy.LightweightSession();
            session.Events.StartStream<Project>(id,
                new ProjectRegistered(id, ProjectKind.Infrastructure, "road", "老数据项目", "官店镇", "黄坪村", 2018, new DateOnly(2018, 3, 1), hq, App.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }

        // an append-only guard already on the events is lifted for the adoption only, inside its transaction
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var guard = new NpgsqlCommand(EventChain.GuardDdl("funds", "mt_events"), conn);
            await guard.ExecuteNonQueryAsync();
        }

        await using var host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", connectionString);
            b.UseSetting("Funds:Projections:Daemon", "Disabled");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            b.ConfigureServices(s => s.RunWolverineInSoloMode());
        });
        var auditor = App.Token(Roles.Auditor);
        var got = await host.Scenario(s =>
        {
            s.Get.Url($"/api/projects/{id}");
            s.WithRequestHeader("Authorization", "Bearer " + auditor);
            s.StatusCodeShouldBeOk();
        });
        Assert.Contains("老数据项目", got.ReadAsText());
        await host.Scenario(s =>
        {
            s.Get.Url($"/api/projects/{id}");
            s.WithRequestHeader("Authorization", "Bearer " + App.Token(Roles.Auditor, county: FundsApp.OtherCounty));
            s.StatusCodeShouldBe(404);
        });
        var store = host.Services.GetRequiredService<IDocumentStore>();
        Assert.True((await EventChain.VerifyAllAsync(store, FundsApp.County, default)).Intact);
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var enabled = new NpgsqlCommand(
                $"select string_agg(tgenabled::text, '') from pg_trigger where tgrelid = 'funds.mt_events'::regclass and tgname like '{EventChain.Guard}%'", conn);
            Assert.Equal("OO", (string)(await enabled.ExecuteScalarAsync())!);
        }
    }
}
