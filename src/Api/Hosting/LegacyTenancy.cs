using Funds.Api.Audit;
using Npgsql;

namespace Funds.Api.Hosting;

/// <summary>
/// A database written before counties were tenants keys its streams and documents by id alone. Before Marten checks the
/// schema at start-up, its tables are brought to the conjoined layout and every row is given to one county
/// (<c>Funds:Tenancy:LegacyCounty</c>, default the first county configured), in one transaction: either
/// the whole store moves or nothing does. A store that already has tenants is left alone.
/// </summary>
public static class LegacyTenancy
{
    public static async Task<bool> AdoptAsync(string connectionString, string schema, string county, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        // Marten's streams table has a tenant_id column either way; only a tenanted store keys streams by it.
        if (!await ScalarAsync<bool>(conn, $"""
            select exists (select 1 from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                           where n.nspname = '{schema}' and c.conname = 'pkey_mt_streams_id')
            """, ct))
            return false;

        var documents = new List<string>();
        await using (var cmd = new NpgsqlCommand($"select table_name from information_schema.tables where table_schema = '{schema}' and table_name like 'mt_doc_%'", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) documents.Add(reader.GetString(0));

        await using var tx = await conn.BeginTransactionAsync(ct);
        var sql = new List<string>
        {
            $"alter table {schema}.mt_events drop constraint if exists fkey_mt_events_stream_id",
            $"alter table {schema}.mt_streams add column if not exists tenant_id varchar default '*DEFAULT*'",
            $"alter table {schema}.mt_events add column if not exists tenant_id varchar default '*DEFAULT*'",
            $"update {schema}.mt_streams set tenant_id = @county",
            // The one audited path that changes stored events: the append-only guard is lifted for this statement,
            // inside this transaction, and is back before it commits.
            GuardEvents(schema, "disable"),
            $"update {schema}.mt_events set tenant_id = @county",
            GuardEvents(schema, "enable"),
            $"alter table {schema}.mt_streams drop constraint if exists pkey_mt_streams_id",
            $"alter table {schema}.mt_streams add constraint pkey_mt_streams_tenant_id_id primary key (tenant_id, id)",
            $"alter table {schema}.mt_events drop constraint if exists pk_mt_events_stream_and_version",
            $"drop index if exists {schema}.pk_mt_events_stream_and_version",
            $"create unique index pk_mt_events_stream_and_version on {schema}.mt_events (tenant_id, stream_id, version)",
            $"alter table {schema}.mt_events add constraint fkey_mt_events_stream_id_tenant_id foreign key (tenant_id, stream_id) references {schema}.mt_streams (tenant_id, id)",
        };
        foreach (var table in documents)
        {
            sql.Add($"alter table {schema}.{table} add column if not exists tenant_id varchar not null default '*DEFAULT*'");
            sql.Add($"update {schema}.{table} set tenant_id = @county");
            sql.Add($"alter table {schema}.{table} drop constraint if exists pkey_{table}_id");
            sql.Add($"alter table {schema}.{table} add constraint pkey_{table}_tenant_id_id primary key (tenant_id, id)");
        }
        foreach (var statement in sql)
        {
            await using var cmd = new NpgsqlCommand(statement, conn, tx);
            cmd.Parameters.AddWithValue("county", county);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static string GuardEvents(string schema, string action) => $"""
        do $$ begin
            if exists (select 1 from pg_trigger where tgname = '{EventChain.Guard}' and tgrelid = '{schema}.mt_events'::regclass) then
                alter table {schema}.mt_events {action} trigger {EventChain.Guard};
            end if;
        end $$
        """;

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
