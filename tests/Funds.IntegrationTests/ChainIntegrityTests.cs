using Funds.Api.Audit;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;
using Npgsql;

namespace Funds.IntegrationTests;

/// <summary>What someone with write access to the database can no longer do quietly. Edits the store behind
/// Marten's back (and puts it back): runs alone.</summary>
[Collection(nameof(Serial))]
public class ChainIntegrityTests(FundsApp app) : IntegrationTest(app)
{
    /// <summary>Rows these tests cannot remove (the store is append-only) go to a tenant no other test reads.</summary>
    private const string Elsewhere = "chain-test";

    [Fact]
    public async Task a_node_starting_on_an_installed_chain_takes_no_lock_on_the_events()
    {
        await using var reader = new NpgsqlConnection(App.ConnectionString);
        await reader.OpenAsync();
        await using var tx = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("select count(*) from funds.mt_events", reader, tx)) await read.ExecuteScalarAsync();

        var installing = new EventChainInstaller(App.Store).StartAsync(CancellationToken.None);
        var finished = await Task.WhenAny(installing, Task.Delay(TimeSpan.FromSeconds(10))) == installing;
        await tx.RollbackAsync();
        await installing;
        Assert.True(finished, "The installer waited for a reader of mt_events: it took a table lock although the chain was installed.");
    }

    [Fact]
    public async Task a_payment_raised_with_its_chain_recomputed_the_old_way_is_reported()
    {
        var (project, _) = await Disbursed();
        await using var owner = await Owner();
        var saved = await SaveStream(owner, project);
        try
        {
            await Exec(owner, """
                update funds.mt_events set data = jsonb_set(data, '{amount}', to_jsonb((data->>'amount')::numeric + 1000000))
                where stream_id = @id and type = 'funds_disbursed'
                """, project);
            // ... and every hash of the stream recomputed as the trigger of chain v1 computed it
            await Exec(owner, """
                do $$ declare r record; prev text;
                begin
                    for r in select e.seq_id, e.stream_id, e.version, e.type, e.data from funds.mt_events e
                             where e.stream_id = '@@' order by e.version loop
                        prev := encode(sha256(convert_to(coalesce(prev, '') || '|' || r.stream_id::text || '|' || r.version::text || '|' || r.type || '|' || r.data::text, 'UTF8')), 'hex');
                        update funds.funds_event_hashes set hash = prev where seq_id = r.seq_id;
                    end loop;
                end $$
                """.Replace("@@", project.ToString()), project);
            // (the first event whose hash no longer matches is the first one the old way rewrote)
            await AssertBroken(project, "project_registered");
        }
        finally
        {
            await Restore(owner, saved);
        }
        await AssertIntact(project);
    }

    [Theory]
    [InlineData("timestamp = timestamp - interval '3 days'")]
    [InlineData("user_name = 'someone-else'")]
    [InlineData("headers = jsonb_set(coalesce(headers, '{}'), '{role}', '\"admin\"')")]
    [InlineData("correlation_id = 'forged'")]
    [InlineData("is_archived = true")]
    [InlineData("mt_dotnet_type = 'Other.Type, Other'")]
    [InlineData("id = gen_random_uuid()")]
    public async Task stored_fields_outside_the_data_are_covered(string change)
    {
        var (project, _) = await Disbursed();
        await using var owner = await Owner();
        var saved = await SaveStream(owner, project);
        try
        {
            await Exec(owner, $"update funds.mt_events set {change} where stream_id = @id and type = 'funds_disbursed'", project);
            await AssertBroken(project, "funds_disbursed");
        }
        finally
        {
            await Restore(owner, saved);
        }
        await AssertIntact(project);
    }

    [Fact]
    public async Task removing_a_streams_newest_event_with_its_hash_is_reported()
    {
        var (project, _) = await Disbursed();
        await using var owner = await Owner();
        var saved = await SaveStream(owner, project);
        try
        {
            await Exec(owner, """
                with newest as (select seq_id from funds.mt_events where stream_id = @id order by version desc limit 1),
                     gone as (delete from funds.funds_event_hashes where seq_id in (select seq_id from newest))
                delete from funds.mt_events where seq_id in (select seq_id from newest)
                """, project);
            var report = await Get<IntegrityReport>($"/api/projects/{project}/integrity");
            Assert.False(report.Intact);
            Assert.Contains("removed", report.Broken.Single().Reason);
            Assert.False((await Get<IntegrityReport>("/api/audit/integrity")).Intact);
        }
        finally
        {
            await Restore(owner, saved);
        }
        await AssertIntact(project);
    }

    [Fact]
    public async Task removing_every_event_of_a_stream_is_reported_not_taken_for_an_unknown_project()
    {
        var (project, _) = await Disbursed();
        await using var owner = await Owner();
        var saved = await SaveStream(owner, project);
        try
        {
            await Exec(owner, """
                delete from funds.funds_event_hashes where stream_id = @id;
                delete from funds.mt_events where stream_id = @id;
                """, project);
            var report = await Get<IntegrityReport>($"/api/projects/{project}/integrity");
            Assert.False(report.Intact);
            Assert.Contains("none of its events is stored", report.Broken.Single().Reason);
        }
        finally
        {
            await Restore(owner, saved);
        }
        await AssertIntact(project);
    }

    [Fact]
    public async Task an_event_stored_while_the_trigger_was_off_stays_unhashed_after_a_restart()
    {
        var (project, _) = await Disbursed();
        await using var owner = await Owner();
        var saved = await SaveStream(owner, project);
        try
        {
            await Exec(owner, """
                insert into funds.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers, correlation_id, causation_id, user_name)
                select nextval('funds.mt_events_sequence'), gen_random_uuid(), stream_id, version + 1, '{}', 'chain_test_note', timestamp, tenant_id, null, headers, correlation_id, causation_id, user_name
                from funds.mt_events where stream_id = @id order by version desc limit 1;
                update funds.mt_streams set version = version + 1 where id = @id;
                """, project);
            await new EventChainInstaller(App.Store).StartAsync(default);

            var report = await Get<IntegrityReport>($"/api/projects/{project}/integrity");
            Assert.False(report.Intact);
            Assert.Contains("no hash", report.Broken.Single().Reason);
        }
        finally
        {
            await Restore(owner, saved);
        }
        await AssertIntact(project);
    }

    [Fact]
    public async Task a_role_that_may_only_append_gets_its_events_chained_and_cannot_write_hashes()
    {
        var role = "funds_append_" + Guid.NewGuid().ToString("N")[..8];
        var stream = Guid.NewGuid();
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await Exec(conn, $"""
            create role {role};
            grant usage on schema funds to {role};
            grant select, insert on funds.mt_events, funds.mt_streams to {role};
            grant usage on sequence funds.mt_events_sequence to {role};
            grant select on funds.funds_event_hashes, funds.funds_chain_state to {role};
            """, stream);
        try
        {
            await Exec(conn, $"""
                set role {role};
                insert into funds.mt_streams (id, tenant_id, version, is_archived) values (@id, '{Elsewhere}', 1, false);
                insert into funds.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
                values (nextval('funds.mt_events_sequence'), gen_random_uuid(), @id, 1, jsonb_build_object(), 'chain_test_note', now(), '{Elsewhere}', 'Elsewhere.ChainTestNote, Elsewhere');
                reset role;
                """, stream);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => Exec(conn, $"""
                set role {role};
                insert into funds.funds_event_hashes (seq_id, stream_id, version, hash, algorithm) values (-1, @id, 2, 'planted', 2);
                """, stream));
            Assert.Equal("42501", refused.SqlState);
        }
        finally
        {
            await Exec(conn, $"reset role; drop owned by {role}; drop role {role}", stream);
        }
        var report = await EventChain.VerifyStreamAsync(App.Store, Elsewhere, stream, default);
        Assert.True(report is { Intact: true, EventsChecked: 1 }, string.Join("; ", report.Broken));
        await using var hashed = new NpgsqlCommand("select algorithm from funds.funds_event_hashes where stream_id = @id", conn);
        hashed.Parameters.AddWithValue("id", stream);
        Assert.Equal((short)2, await hashed.ExecuteScalarAsync());
    }

    [Fact]
    public async Task martens_tombstones_for_the_sequence_numbers_of_a_failed_save_are_not_taken_for_removed_events()
    {
        // as Marten writes them: a stream row at version 0, events numbered by their sequence, with gaps
        var tombstones = Guid.NewGuid();
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await Exec(conn, $"""
            insert into funds.mt_streams (id, tenant_id, version, is_archived) values (@id, '{Elsewhere}', 0, false);
            insert into funds.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
            select s, gen_random_uuid(), @id, s, jsonb_build_object(), 'tombstone', now(), '{Elsewhere}', 'JasperFx.Events.Tombstone, JasperFx.Events'
            from (select g, nextval('funds.mt_events_sequence') s from generate_series(1, 4) g offset 0) n where g % 2 = 0;
            """, tombstones);
        var report = await EventChain.VerifyStreamAsync(App.Store, Elsewhere, tombstones, default);
        Assert.True(report is { Intact: true, EventsChecked: 2 }, string.Join("; ", report.Broken));
    }

    [Theory]
    [InlineData("update funds.mt_events set user_name = 'x' where stream_id = @id")]
    [InlineData("delete from funds.mt_events where stream_id = @id")]
    [InlineData("truncate funds.mt_events cascade")]
    [InlineData("update funds.funds_event_hashes set hash = 'x' where stream_id = @id")]
    [InlineData("delete from funds.funds_event_hashes where stream_id = @id")]
    [InlineData("truncate funds.funds_event_hashes")]
    public async Task the_database_refuses_to_change_or_remove_events_and_hashes(string sql)
    {
        var (project, _) = await Disbursed();
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.AddWithValue("id", project);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText);
        await tx.RollbackAsync();
        await AssertIntact(project);
    }

    private async Task<(Guid Project, Guid Source)> Disbursed()
    {
        var p = Projects(UniqueName("花坪镇"));
        var (project, source) = await Funds.FundedProject(p);
        await p.Start(project);
        await Funds.Disburse(project, source, 50_000m);
        await Projected();   // the money trail has read the payment before the test edits it behind Marten's back
        return (project, source);
    }

    private async Task AssertBroken(Guid project, string eventType)
    {
        var report = await Get<IntegrityReport>($"/api/projects/{project}/integrity");
        Assert.False(report.Intact);
        Assert.Equal(eventType, report.Broken.Single().EventType);
        Assert.Contains((await Get<IntegrityReport>("/api/audit/integrity")).Broken, b => b.StreamId == project);
    }

    private async Task AssertIntact(Guid project)
    {
        var report = await Get<IntegrityReport>($"/api/projects/{project}/integrity");
        Assert.True(report.Intact, string.Join("; ", report.Broken));
    }

    /// <summary>Someone with the database's superuser (or owner) rights, triggers switched off for the session.</summary>
    internal static async Task<NpgsqlConnection> Owner(string? connectionString = null)
    {
        var conn = new NpgsqlConnection(connectionString ?? TestServer.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("set session_replication_role = replica", conn);
        await cmd.ExecuteNonQueryAsync();
        return conn;
    }

    internal static async Task Exec(NpgsqlConnection conn, string sql, Guid id)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (sql.Contains("@id")) cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Copies a stream's events, hashes and stream row aside, to put them back after the test.</summary>
    internal static async Task<Guid> SaveStream(NpgsqlConnection owner, Guid stream)
    {
        var n = stream.ToString("N");
        await Exec(owner, $"""
            create temp table saved_events_{n} as select * from funds.mt_events where stream_id = @id;
            create temp table saved_hashes_{n} as select * from funds.funds_event_hashes where stream_id = @id;
            create temp table saved_stream_{n} as select * from funds.mt_streams where id = @id;
            """, stream);
        return stream;
    }

    internal static Task Restore(NpgsqlConnection owner, Guid stream)
    {
        var n = stream.ToString("N");
        return Exec(owner, $"""
            delete from funds.funds_event_hashes where stream_id = @id or seq_id in (select seq_id from funds.mt_events where stream_id = @id);
            delete from funds.mt_events where stream_id = @id;
            delete from funds.mt_streams where id = @id;
            insert into funds.mt_streams select * from saved_stream_{n};
            insert into funds.mt_events select * from saved_events_{n};
            insert into funds.funds_event_hashes select * from saved_hashes_{n};
            """, stream);
    }
}
