using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Funds.Api.Audit;

/// <summary>Installs the hash chain, its one-time backfill and the append-only guards after Marten has created its
/// schema, one database at a time, under an advisory lock (nodes starting together install once).</summary>
public sealed class EventChainInstaller(IDocumentStore store, DigestSigner? signer = null) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        _ = signer?.Enabled;
        foreach (var database in await store.Storage.AllDatabases())
        {
            await database.ApplyAllConfiguredChangesToDatabaseAsync(ct: ct);
            var schema = store.Options.Events.DatabaseSchemaName;
            var ddl = EventChain.Ddl(schema);
            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ddl)))[..24];
            await using var conn = database.CreateConnection();
            await conn.OpenAsync(ct);
            // The DDL locks mt_events exclusively: a node starting while others append would make them queue
            // (and could deadlock them), so it runs only when what is installed differs.
            await using var installed = new NpgsqlCommand($"""
                select obj_description(to_regprocedure('{schema}.funds_chain_events()'), 'pg_proc')
                where (select count(*) from pg_trigger where not tgisinternal and tgrelid = to_regclass('{schema}.mt_events')) >= 3
                """, conn);
            if (await installed.ExecuteScalarAsync(ct) as string == fingerprint) continue;
            await using var cmd = new NpgsqlCommand(ddl + $"\ncomment on function {schema}.funds_chain_events() is '{fingerprint}';", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
