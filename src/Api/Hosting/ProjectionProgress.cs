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

    /// <summary>The shards this code runs (a versioned projection's shard names its version, "…FundMovementProjection:V2:All"):
    /// progress rows of other versions belong to a deployment beside or before this one.</summary>
    public static IReadOnlySet<string> CurrentShards(IDocumentStore store)
        => ((StoreOptions)store.Options).Projections.AllShards().Select(s => s.Name.Identity).ToHashSet();
}
