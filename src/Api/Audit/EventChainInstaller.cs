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
            await using var conn = database.CreateConnection();
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand(EventChain.Ddl(store.Options.Events.DatabaseSchemaName), conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
