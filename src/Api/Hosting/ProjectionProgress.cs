using Marten.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Funds.Api.Hosting;

/// <summary>How far each projection shard and the high-water mark have got (Marten's mt_event_progression).</summary>
public static class ProjectionProgress
{
    /// <summary>Read on the given connection, so a caller inside a transaction sees its own snapshot.</summary>
    public static async Task<Dictionary<string, long>> ReadAsync(IDocumentStore store, NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select name, last_seq_id from {store.Options.Events.DatabaseSchemaName}.mt_event_progression", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var progress = new Dictionary<string, long>();
        while (await reader.ReadAsync(ct)) progress[reader.GetString(0)] = reader.GetInt64(1);
        return progress;
    }

    /// <summary>Every database's high-water mark and how far behind it each shard this code runs is (database name
    /// null when the deployment has one database).</summary>
    public static async Task<IReadOnlyList<(string? Database, long HighWater, IReadOnlyList<(string Shard, long Lag)> Shards)>> LagsAsync(
        IDocumentStore store, CancellationToken ct)
    {
        var databases = await store.Storage.AllDatabases();
        var current = CurrentShards(store);
        var lags = new List<(string?, long, IReadOnlyList<(string, long)>)>();
        foreach (var database in databases)
        {
            await using var conn = database.CreateConnection();
            await conn.OpenAsync(ct);
            var progress = await ReadAsync(store, conn, ct);
            var highWater = progress.GetValueOrDefault("HighWaterMark");
            lags.Add((databases.Count == 1 ? null : database.Name(), highWater,
                progress.Where(p => current.Contains(p.Key)).Select(p => (p.Key, highWater - p.Value)).ToList()));
        }
        return lags;
    }

    /// <summary>The shards this code runs (a versioned projection's shard names its version, "…FundMovementProjection:V2:All"):
    /// progress rows of other versions belong to a deployment beside or before this one.</summary>
    public static IReadOnlySet<string> CurrentShards(IDocumentStore store)
        => ((StoreOptions)store.Options).Projections.AllShards().Select(s => s.Name.Identity).ToHashSet();
}
