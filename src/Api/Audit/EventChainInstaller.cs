using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Funds.Api.Audit;

/// <summary>Installs the hash-chain table and trigger after Marten has created its schema.</summary>
public sealed class EventChainInstaller(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
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
