using Funds.Api.Audit;
using Funds.Api.Hosting;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Funds.IntegrationTests.Infrastructure;
using Marten;
using Npgsql;

namespace Funds.IntegrationTests;

/// <summary>A store chained with v1 keeps its v1 hashes (verified as v1), later events are chained with v2, and a v1 hash
/// where v2 is due is reported. In a schema of its own.</summary>
public class ChainUpgradeIntegrityTests(FundsApp app) : IntegrationTest(app)
{
    private const string V1Ddl = """
        create table if not exists @s.funds_event_hashes (
            seq_id bigint primary key, stream_id uuid not null, version bigint not null, hash text not null, unique (stream_id, version));
        create or replace function @s.funds_chain_events() returns trigger language plpgsql as $fn$
        declare r record; prev text;
        begin
            for r in select n.seq_id, n.stream_id, n.version, n.type, n.data from new_events n order by n.stream_id, n.version loop
                prev := null;
                select h.hash into prev from @s.funds_event_hashes h where h.stream_id = r.stream_id and h.version = r.version - 1;
                insert into @s.funds_event_hashes (seq_id, stream_id, version, hash) values (r.seq_id, r.stream_id, r.version,
                    encode(sha256(convert_to(coalesce(prev, '') || '|' || r.stream_id::text || '|' || r.version::text || '|' || r.type || '|' || r.data::text, 'UTF8')), 'hex'));
            end loop;
            return null;
        end $fn$;
        create trigger funds_chain_events after insert on @s.mt_events referencing new table as new_events
            for each statement execute function @s.funds_chain_events();
        """;

    [Fact]
    public async Task v1_hashes_stay_verifiable_and_new_events_are_chained_with_v2()
    {
        var schema = "chain_upgrade_" + Guid.NewGuid().ToString("N")[..10];
        var tenancy = new TenancyOptions { Counties = [new CountyOptions { Code = FundsApp.County, Name = "建始县" }] };
        using var store = DocumentStore.For(opts => FundsStore.Configure(opts, App.ConnectionString, tenancy, schema));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        try
        {
            await Exec(conn, V1Ddl.Replace("@s", schema));
            var id = Guid.NewGuid();
            var hq = new Actor("hq", Roles.TownshipHq, "官店镇");
            await using (var session = store.LightweightSession(FundsApp.County))
            {
                session.Events.StartStream<Project>(id,
                    new ProjectRegistered(id, ProjectKind.Infrastructure, "road", "升级前项目", "官店镇", "黄坪村", 2019, new DateOnly(2019, 3, 1), hq, App.Clock.GetUtcNow()));
                await session.SaveChangesAsync();
            }

            await Exec(conn, EventChain.Ddl(schema));
            await using (var session = store.LightweightSession(FundsApp.County))
            {
                session.Events.Append(id, new ProjectApproved(id, "建扶发〔2019〕9号", 100m, "县领导小组", new DateOnly(2019, 3, 5),
                    new Actor("cz", Roles.Finance, null), App.Clock.GetUtcNow()));
                await session.SaveChangesAsync();
            }
            var report = await EventChain.VerifyAllAsync(store, FundsApp.County, default);
            Assert.True(report.Intact, string.Join("; ", report.Broken));
            Assert.Equal(2, report.EventsChecked);
            Assert.Equal("1,2", await Text(conn, $"select string_agg(algorithm::text, ',' order by version) from {schema}.funds_event_hashes"));

            // a v2 hash replaced by its v1 equivalent, which covers only type and data
            await Exec(conn, $"""
                set session_replication_role = replica;
                update {schema}.funds_event_hashes h set algorithm = 1,
                    hash = encode(sha256(convert_to(p.hash || '|' || e.stream_id::text || '|' || e.version::text || '|' || e.type || '|' || e.data::text, 'UTF8')), 'hex')
                from {schema}.mt_events e, {schema}.funds_event_hashes p
                where e.seq_id = h.seq_id and e.version = 2 and p.stream_id = e.stream_id and p.version = 1;
                set session_replication_role = origin;
                """);
            var downgraded = await EventChain.VerifyAllAsync(store, FundsApp.County, default);
            Assert.Contains("chain v1", downgraded.Broken.Single().Reason);
        }
        finally
        {
            await Exec(conn, $"drop schema if exists {schema} cascade");
        }
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> Text(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
